package io.tradepilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingState;
import io.tradepilot.testing.Eventually;
import io.tradepilot.trading.TradingQueries;
import io.tradepilot.trading.internal.EngineHost;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A webhook signal in Chromium: an admin creates a webhook strategy on the Signals page (its secret shown once),
 * a TradingView alert is posted to its URL with that secret, and the order appears on the Orders page under the
 * strategy's name, and the signal on the Signals page as PLACED.
 */
@TestPropertySource(properties = {
        "tradepilot.trading.enabled=true",
        "tradepilot.trading.limits.trading-hours.enabled=false", // entries at any market time of the replay (15:20-15:30 IST refuses them)
        "tradepilot.trading.auto-startup=false",
        "tradepilot.trading.leader-lock-key=880121",
        "tradepilot.controls.key-prefix=signals-e2e:",
        "tradepilot.trading.marketdata.speed=600",
        "tradepilot.trading.strategies[0].name=sma-cross",
        "tradepilot.trading.strategies[0].symbols[0]=SYNTH-GAMMA",
        "tradepilot.trading.strategies[0].quantity=100",
        "tradepilot.trading.strategies[0].params.fast=5",
        "tradepilot.trading.strategies[0].params.slow=5000"})
@DirtiesContext
class SignalsE2E extends BrowserTestSupport {

    @Autowired EngineHost host;
    @Autowired DSLContext db;
    @Autowired TradingQueries queries;
    @Autowired ControlService controls;

    @BeforeEach
    void engineRuns() {
        // with the stored strategy configurations, which would win over this class's properties
        db.execute("TRUNCATE order_event, fill, round_trip, position, equity_snapshot, strategy_day, feed_checkpoint, trade_order, config_applied, config_version");
        db.execute("TRUNCATE signal_strategy, signal_event, signal_seen");
        host.start();
        users.as(users.admin(), () -> {
            if (controls.read() instanceof ControlsReading.Known known) {
                if (known.killSwitch().engaged()) controls.disengageKillSwitch("reset before an end-to-end test", "CONFIRM");
                if (known.trading().state() == TradingState.PAUSED) controls.resume("reset before an end-to-end test");
            }
        });
        Eventually.eventually(Browsers.WAIT, () -> "RUNNING".equals(queries.status().engineState()) && queries.status().barsProcessed() > 0,
                "the engine runs and has seen a bar");
    }

    @AfterEach
    void stopEngine() {
        host.stop();
    }

    @Test
    void an_admin_creates_a_webhook_strategy_a_tradingview_alert_trades_and_the_order_shows_on_the_orders_page() {
        Page page = signIn(users.admin()).page;
        page.navigate("/signals");
        Browsers.awaitView(page.locator("#signals-view"));
        page.locator("#strategy-id input").fill("tv-e2e");
        page.locator("#strategy-name input").fill("TradingView E2E");
        page.locator("#strategy-symbols textarea").fill("GAMMA=SYNTH-GAMMA");
        page.locator("#strategy-quantity input").fill("7");
        page.locator("#strategy-quantity input").press("Tab");
        page.locator("#create-signal-strategy").click();
        assertThat(page.locator("#signal-strategy-created")).containsText("shown only now");
        String text = page.locator("#signal-strategy-created").textContent();
        String secret = text.substring(text.lastIndexOf(": ") + 2).strip();
        assertThat(page.locator("#signal-strategies vaadin-grid-cell-content").getByText("/api/v1/signals/tv-e2e")).isVisible();

        String body = "{\"secret\":\"" + secret + "\",\"ticker\":\"NASDAQ:GAMMA\",\"action\":\"buy\",\"contracts\":\"7\","
                + "\"price\":\"101.5\",\"timenow\":\"" + clock.instant() + "\"}";
        HttpResponse<String> answer = api().send(api().request("/api/v1/signals/tv-e2e")
                .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);

        OrdersPage orders = OrdersPage.open(page);
        // a grid keeps recycled cells hidden: the signal's order counts in any visible cell
        assertThat(page.locator("#orders-view vaadin-grid-cell-content").getByText("tv-e2e")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setVisible(true)).first()).isVisible();
        // the synthetic strategies trade SYNTH-GAMMA too, in rows the grid may keep out of view: any visible cell counts
        assertThat(page.locator("#orders-view vaadin-grid-cell-content").getByText("SYNTH-GAMMA")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setVisible(true)).first()).isVisible();

        page.navigate("/signals");
        Browsers.awaitView(page.locator("#signals-view"));
        assertThat(page.locator("#signals-latest vaadin-grid-cell-content").getByText("PLACED").first()).isVisible();
        assertThat(page.content()).doesNotContain(secret);
    }
}
