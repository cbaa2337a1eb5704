package io.tradepilot.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.tradepilot.strategies.PromotionGate;
import io.tradepilot.strategies.PromotionStage;
import io.tradepilot.strategies.StrategyConfigs;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Research from the pages: an operator submits a small sweep and sees its heatmap, and a small walk-forward and sees
 * its windows; an admin opens a DONE run of a
 * stored version, sees its candles with fills, runs Monte Carlo and sees the percentiles, compares it with paper
 * trading, then on the Promotion tab is refused under strict thresholds and promoted under lenient ones, and applying
 * the version is refused before the promotion and accepted after it (the PAPER rule on).
 */
@TestPropertySource(properties = {"tradepilot.backtests.workers=2", "tradepilot.backtests.push-interval=200ms"})
@DirtiesContext
class ResearchE2E extends BrowserTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocatorAssertions.ContainsTextOptions LONG = new LocatorAssertions.ContainsTextOptions().setTimeout(90_000);

    @Autowired DSLContext db;

    private long newestSweep() {
        Long id = db.fetchOne("SELECT max(sweep_id) FROM backtest_sweep").get(0, Long.class);
        return id == null ? 0 : id;
    }

    @Test
    void an_operator_submits_a_small_sweep_and_sees_its_heatmap() {
        Page page = signIn(users.operator()).page;
        long before = newestSweep();
        page.navigate("/backtests/sweeps");
        Browsers.awaitView(page.locator("#sweeps-view"));
        page.locator("#backtest-source").click();
        page.locator("vaadin-select-item").getByText("Draft document", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#backtest-draft textarea").fill("type: sma-cross\nname: e2e-sweep\nsymbols: [SYNTH-ALPHA]\nparameters: {fast: 10, slow: 30}\n");
        page.locator("#backtest-symbols input").fill("SYNTH-ALPHA");
        page.locator("vaadin-multi-select-combo-box-item:not([hidden])").getByText("SYNTH-ALPHA", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#backtest-symbols input").press("Escape");
        page.locator("#sweep-strategy").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION, new Page.GetByRoleOptions().setName("sma-cross").setExact(true)).click();
        page.locator("#sweep-param-fast input").fill("5:10:5");
        page.locator("#sweep-param-slow input").fill("20:30:10");
        page.locator("#backtest-label input").fill("e2e sweep");
        page.locator("#sweep-submit").click();
        eventually(Duration.ofSeconds(30), () -> newestSweep() > before, "the sweep is stored");
        long sweep = newestSweep();
        assertThat(page.locator("#sweep-state-" + sweep)).containsText("DONE", LONG);
        assertThat(page.locator("#sweep-open-" + sweep)).isVisible();
        page.navigate("/backtests/sweeps/" + sweep);  // the list re-renders every second: its link may be replaced under a click
        Browsers.awaitView(page.locator("#sweep-view"));
        assertThat(page.locator("#sweep-heatmap")).isVisible();
        assertThat(page.locator("#sweep-cells")).isVisible();
        assertThat(page.locator("#sweep-pbo")).containsText("overfitting");
    }

    private long newestWalkForward() {
        Long id = db.fetchOne("SELECT max(walkforward_id) FROM backtest_walkforward").get(0, Long.class);
        return id == null ? 0 : id;
    }

    @Test
    void an_operator_submits_a_small_walk_forward_and_sees_its_windows() {
        Page page = signIn(users.operator()).page;
        long before = newestWalkForward();
        page.navigate("/backtests/walkforwards");
        Browsers.awaitView(page.locator("#walkforwards-view"));
        page.locator("#backtest-source").click();
        page.locator("vaadin-select-item").getByText("Draft document", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#backtest-draft textarea").fill("type: sma-cross\nname: e2e-walk\nsymbols: [SYNTH-ALPHA]\nparameters: {fast: 10, slow: 30}\n");
        page.locator("#backtest-symbols input").fill("SYNTH-ALPHA");
        page.locator("vaadin-multi-select-combo-box-item:not([hidden])").getByText("SYNTH-ALPHA", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#backtest-symbols input").press("Escape");
        page.locator("#walkforward-strategy").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION, new Page.GetByRoleOptions().setName("sma-cross").setExact(true)).click();
        page.locator("#walkforward-param-fast input").fill("5:10:5");
        page.locator("#walkforward-param-slow input").fill("20:30:10");
        // the form's default dates are the first stored series' (another test may have stored a short one)
        page.locator("#backtest-from input").fill("1/1/2019");
        page.locator("#backtest-from input").press("Enter");
        page.locator("#backtest-to input").fill("12/31/2020");
        page.locator("#backtest-to input").press("Enter");
        page.locator("#walkforward-is-bars input").fill("120");
        page.locator("#walkforward-oos-bars input").fill("60");
        page.locator("#backtest-label input").fill("e2e walk-forward");
        page.locator("#walkforward-submit").click();
        eventually(Duration.ofSeconds(30), () -> newestWalkForward() > before, "the walk-forward is stored");
        long walk = newestWalkForward();
        assertThat(page.locator("#walkforward-state-" + walk)).containsText("DONE", LONG);
        assertThat(page.locator("#walkforward-open-" + walk)).isVisible();
        page.navigate("/backtests/walkforwards/" + walk);  // the list re-renders every second: its link may be replaced under a click
        Browsers.awaitView(page.locator("#walkforward-view"));
        assertThat(page.locator("#walkforward-summary-SYNTH-ALPHA")).containsText("fficiency", LONG);
        assertThat(page.locator("#walkforward-equity-SYNTH-ALPHA")).isVisible();
        assertThat(page.locator("#walkforward-windows-SYNTH-ALPHA")).isVisible();
        assertThat(db.fetchOne("SELECT count(*) FROM backtest_walkforward_window WHERE walkforward_id = ? AND state = 'DONE'", walk)
                .get(0, Integer.class)).as("windows done").isGreaterThan(0);
    }

    @Test
    void an_admin_sees_candles_and_monte_carlo_of_a_run_and_promotes_its_version_through_the_gate() {
        String id = "e2e-gate-" + UUID.randomUUID().toString().substring(0, 8);
        String token = users.apiToken(users.admin());
        HttpResponse<String> created = api(token).post("/api/v1/strategies", "{\"type\":\"sma-cross\",\"id\":\"" + id
                + "\",\"symbols\":[\"SYNTH-ALPHA\"],\"reason\":\"end-to-end gate strategy\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> submitted = api(token).post("/api/v1/backtests", "{\"configKey\": \"" + id + "\", \"configVersion\": 1, \"symbols\": "
                + "[\"SYNTH-ALPHA\"], \"from\": \"2019-01-01\", \"to\": \"2020-12-31\", \"cash\": 1000000, \"quantity\": 100}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long run = JSON.readTree(submitted.body()).get("id").asLong();
        eventually(Duration.ofSeconds(90), () -> api(token).get("/api/v1/backtests/" + run).body().contains("\"state\":\"DONE\""), "run DONE");

        Page page = signIn(users.admin()).page;
        page.navigate("/backtests/" + run);
        Browsers.awaitView(page.locator("#backtest-result-view"));
        assertThat(page.locator("#backtest-candles")).isVisible();
        assertThat(page.locator("#backtest-candles-caption")).containsText("fills");
        page.locator("#backtest-mc-simulations input").fill("500");
        page.locator("#backtest-mc-run").click();
        assertThat(page.locator("#backtest-mc-summary")).containsText("500");
        assertThat(page.locator("#backtest-mc-percentiles")).containsText("95th");
        page.locator("#backtest-drift-run").click();
        assertThat(page.locator("#backtest-drift-summary")).containsText("0 matched");
        assertThat(page.locator("#backtest-drift-assumptions")).containsText("NEXT_OPEN");

        StrategySettingsPage settings = StrategySettingsPage.open(page).select(id);
        settings.reason("paper trade the gate strategy");
        settings.apply(1, StrategyConfigs.confirmation(id, 1));
        assertThat(settings.message()).containsText("must be READY_FOR_PAPER to be applied");
        page.keyboard().press("Escape");

        assertThat(put(token, "/api/v1/promotion-thresholds", "{\"minTrades\": 100000, \"minSharpe\": -100, \"maxDrawdownP95\": 1, "
                + "\"minPaperDays\": 0, \"reason\": \"strict for the test\"}").statusCode()).isEqualTo(200);
        settings.showTab("Promotion");
        page.locator("#promote-1").click();
        String confirmation = PromotionGate.confirmation(id, 1, PromotionStage.READY_FOR_PAPER);
        page.locator("#promote-confirmation input").fill(confirmation);
        page.locator("#promote-reason input").fill("the backtest passed");
        page.locator("#promote-confirm").click();
        assertThat(page.locator("#promotion-message")).containsText("MIN_TRADES");
        assertThat(page.locator("#promote-checks")).containsText("at least 100000");

        assertThat(put(token, "/api/v1/promotion-thresholds", "{\"minTrades\": 0, \"minSharpe\": -100, \"maxDrawdownP95\": 1, "
                + "\"minPaperDays\": 0, \"reason\": \"lenient for the test\"}").statusCode()).isEqualTo(200);
        page.locator("#promote-confirm").click();
        assertThat(page.locator("#promotion-message")).containsText("Promoted v1 to READY_FOR_PAPER");

        settings.reason("paper trade the promoted version");
        settings.apply(1, StrategyConfigs.confirmation(id, 1));
        assertThat(settings.message()).containsText("Applied v1");
    }

    private HttpResponse<String> put(String token, String path, String body) {
        var api = api(token);
        return api.send(api.request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }
}
