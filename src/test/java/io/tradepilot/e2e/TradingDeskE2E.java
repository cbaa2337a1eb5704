package io.tradepilot.e2e;

import com.microsoft.playwright.Page;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.audit.AuditQuery;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingState;
import io.tradepilot.testing.Eventually;
import io.tradepilot.testing.TestUser;
import io.tradepilot.trading.ActionResult;
import io.tradepilot.trading.ManualOrder;
import io.tradepilot.trading.TradingActions;
import io.tradepilot.trading.TradingQueries;
import io.tradepilot.trading.internal.EngineHost;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live paper trading through the browser: the engine runs in the application on the accelerated
 * synthetic market (a 5-minute bar every 0.5 s). The configured strategy cannot trade within the run
 * (its slow average needs more bars than the test sees), so every position comes from the people in
 * the test, and nothing moves under their feet; the first test alone trades SYNTH-GAMMA, so it sees its
 * position appear from nothing whatever ran before it. The ledger is emptied and the engine started once
 * for this class; the context is closed afterwards so that no engine outlives it.
 */
@TestPropertySource(properties = {
        "tradepilot.trading.enabled=true",
        "tradepilot.trading.auto-startup=false",
        "tradepilot.trading.leader-lock-key=880101",
        "tradepilot.controls.key-prefix=desk-e2e:",
        "tradepilot.trading.marketdata.speed=600",
        "tradepilot.trading.limits.trading-hours.enabled=false", // manual orders at any market time of the accelerated day
        "tradepilot.trading.strategies[0].name=sma-cross",
        "tradepilot.trading.strategies[0].symbols[0]=SYNTH-ALPHA",
        "tradepilot.trading.strategies[0].symbols[1]=SYNTH-BETA",
        "tradepilot.trading.strategies[0].symbols[2]=SYNTH-GAMMA",
        "tradepilot.trading.strategies[0].quantity=100",
        "tradepilot.trading.strategies[0].params.fast=5",
        "tradepilot.trading.strategies[0].params.slow=5000"})
@DirtiesContext
class TradingDeskE2E extends BrowserTestSupport {

    private static boolean started;

    @Autowired EngineHost host;
    @Autowired DSLContext db;
    @Autowired TradingQueries queries;
    @Autowired TradingActions actions;
    @Autowired ControlService controls;
    @Autowired AuditQuery audit;

    @BeforeEach
    void engineRunsOnAnEmptyLedgerWithTradingAllowed() {
        if (!started) {
            // with the stored strategy configurations, which would win over this class's properties
            db.execute("TRUNCATE order_event, fill, round_trip, position, equity_snapshot, strategy_day, feed_checkpoint, trade_order, config_applied, config_version");
            host.start();
            started = true;
        }
        users.as(users.admin(), () -> {
            if (controls.read() instanceof ControlsReading.Known known) {
                if (known.killSwitch().engaged()) controls.disengageKillSwitch("reset before an end-to-end test", "CONFIRM");
                if (known.trading().state() == TradingState.PAUSED) controls.resume("reset before an end-to-end test");
            }
        });
        eventually(() -> "RUNNING".equals(queries.status().engineState()) && queries.status().barsProcessed() > 0,
                "the engine runs and has seen a bar");
    }

    @Test
    void an_operator_buys_watches_the_position_appear_closes_it_and_the_close_is_audited() {
        TestUser operator = users.operator();
        Page page = signIn(operator).page;

        OrdersPage orders = OrdersPage.open(page);
        orders.previewMarketOrder("SYNTH-GAMMA", "BUY", "100", "E2E: opening a position to close");
        assertThat(orders.preview()).containsText("Position: 0 → 100");
        orders.confirm();

        PositionsPage positions = PositionsPage.open(page);
        assertThat(positions.row("SYNTH-GAMMA")).isVisible();
        assertThat(positions.flattenButton()).isHidden();

        positions.close("SYNTH-GAMMA", "E2E: closing the test position");

        assertThat(positions.row("SYNTH-GAMMA")).isHidden();
        assertThat(queries.openPositions()).noneMatch(p -> p.symbol().equals("SYNTH-GAMMA"));
        var closes = users.as(users.admin(), () -> audit.find(new AuditQuery.Filter(null, null, operator.username(),
                "POSITION_CLOSE", AuditOutcome.SUCCESS), 0, 10));
        assertThat(closes).singleElement().satisfies(row -> {
            assertThat(row.target()).contains("SYNTH-GAMMA");
            assertThat(row.reason()).isEqualTo("E2E: closing the test position");
        });
    }

    @Test
    void an_admin_flattens_everything_the_kill_switch_engages_trading_pauses_and_nothing_is_left() {
        TestUser operator = users.operator();
        users.as(operator, () -> {
            assertDone(actions.placeOrder(market("SYNTH-BETA", "BUY", "50"), "E2E: a position to flatten"));
            assertDone(actions.placeOrder(new ManualOrder("SYNTH-ALPHA", "BUY", new BigDecimal("10"), "LIMIT",
                    new BigDecimal("1"), null, "GTC"), "E2E: a working order to cancel"));
        });
        eventually(() -> !queries.openPositions().isEmpty() && !queries.orders(true, 10).isEmpty(),
                "a position and a working order");

        Page page = signIn(users.newAdmin()).page;
        PositionsPage positions = PositionsPage.open(page);
        assertThat(positions.row("SYNTH-BETA")).isVisible();
        positions.submitFlatten("E2E: emergency exit of every position", "flatten");
        assertThat(positions.dialogError()).containsText("FLATTEN");
        assertThat(page.locator("#confirm-field")).isVisible(); // the dialog stays open

        positions.submitFlatten("E2E: emergency exit of every position", "FLATTEN");
        assertThat(positions.dialogReason()).isHidden();
        assertThat(positions.row("SYNTH-BETA")).isHidden();

        DashboardPage dashboard = new DashboardPage(page);
        page.navigate("/");
        dashboard.waitUntilShown();
        assertThat(dashboard.killSwitchState()).hasText("ENGAGED");
        assertThat(page.locator("#trading-state")).hasText("PAUSED");
        eventually(() -> queries.openPositions().isEmpty() && queries.orders(true, 10).isEmpty(),
                "no open position and no working order");
        OrdersPage orders = OrdersPage.open(page);
        assertThat(orders.workingOrders().locator("vaadin-grid-cell-content").getByText("SYNTH-ALPHA")).isHidden();
    }

    @Test
    void a_viewer_sees_every_trading_view_is_offered_no_change_and_the_api_refuses_the_viewer() {
        users.as(users.operator(), () -> {
            assertDone(actions.placeOrder(market("SYNTH-ALPHA", "BUY", "20"), "E2E: something a viewer could close"));
            assertDone(actions.placeOrder(new ManualOrder("SYNTH-BETA", "BUY", new BigDecimal("5"), "LIMIT",
                    new BigDecimal("1"), null, "GTC"), "E2E: something a viewer could cancel"));
        });
        eventually(() -> !queries.openPositions().isEmpty() && !queries.orders(true, 10).isEmpty(),
                "a position and a working order");
        TestUser viewer = users.viewer();
        DashboardPage dashboard = signIn(viewer);
        Page page = dashboard.page;

        assertThat(page.locator("#mode-badge")).hasText("PAPER");
        assertThat(page.locator("#engine-role")).hasText("LEADER");
        assertThat(page.locator("#market-nse")).isVisible();
        assertThat(page.locator("#market-nyse")).isVisible();
        assertThat(page.locator("#dashboard-positions vaadin-grid-cell-content").getByText("SYNTH-ALPHA").first()).isVisible();
        for (String id : DashboardPage.CONTROL_BUTTONS) {
            assertThat(dashboard.button(id)).isHidden();
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "e2e-screenshots", "dashboard-viewer.png"))
                .setFullPage(false));

        PositionsPage positions = PositionsPage.open(page);
        assertThat(positions.row("SYNTH-ALPHA")).isVisible();
        assertThat(positions.flattenButton()).isHidden();
        assertThat(page.locator("[id^='close-']")).hasCount(0);

        OrdersPage orders = OrdersPage.open(page);
        assertThat(orders.workingOrders().locator("vaadin-grid-cell-content").getByText("SYNTH-BETA").first()).isVisible();
        assertThat(orders.newOrderButton()).isHidden();
        assertThat(orders.cancelAllButton()).isHidden();
        assertThat(page.locator("[id^='cancel-order-']")).hasCount(0);

        StrategiesPage strategies = StrategiesPage.open(page);
        assertThat(strategies.grid().locator("vaadin-grid-cell-content").getByText("sma-cross").first()).isVisible();
        assertThat(strategies.switchButtons()).hasCount(0);

        String token = users.apiToken(viewer);
        assertThat(api(token).get("/api/v1/positions").statusCode()).isEqualTo(200);
        for (var attempt : List.of(
                api(token).post("/api/v1/flatten", "{\"reason\":\"a viewer tries to flatten everything\",\"confirmation\":\"FLATTEN\"}"),
                api(token).post("/api/v1/positions/SYNTH-ALPHA/close", "{\"reason\":\"a viewer tries to close\"}"),
                api(token).post("/api/v1/orders", "{\"symbol\":\"SYNTH-ALPHA\",\"side\":\"BUY\",\"quantity\":1,\"type\":\"MARKET\",\"timeInForce\":\"DAY\",\"reason\":\"a viewer tries to buy\"}"))) {
            assertForbiddenProblem(attempt);
        }
        assertThat(queries.openPositions()).anyMatch(p -> p.symbol().equals("SYNTH-ALPHA"));
    }

    private static void assertForbiddenProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static ManualOrder market(String symbol, String side, String quantity) {
        return new ManualOrder(symbol, side, new BigDecimal(quantity), "MARKET", null, null, "DAY");
    }

    private static void assertDone(ActionResult result) {
        assertThat(result).as("the action was done").isInstanceOf(ActionResult.Done.class);
    }

    private static void eventually(BooleanSupplier condition, String what) {
        Eventually.eventually(Browsers.WAIT, condition, what);
    }
}
