package io.tradepilot.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.tradepilot.backtests.GatedBacktestData;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trader runs backtests from the page: fills the run form, watches the run's progress pushed live on the list
 * (held RUNNING on the gated symbol until the test lets its bars through), opens the result, runs a second backtest
 * and compares the two.
 */
@TestPropertySource(properties = {"tradepilot.backtests.workers=2", "tradepilot.backtests.push-interval=200ms"})
@Import(GatedBacktestData.class)
@DirtiesContext
class BacktestsE2E extends BrowserTestSupport {

    @Autowired DSLContext db;
    @Autowired io.tradepilot.strategies.Universes universes;

    @AfterEach
    void releaseTheGate() {
        GatedBacktestData.GATE.release(10);
        eventually(Duration.ofSeconds(60), () -> db.fetchCount(db.selectFrom("backtest_run").where("state in ('QUEUED', 'RUNNING')")) == 0,
                "no run left queued or running");
        GatedBacktestData.GATE.drainPermits();
    }

    private long newestRun() {
        Long id = db.fetchOne("SELECT max(run_id) FROM backtest_run").get(0, Long.class);
        return id == null ? 0 : id;
    }

    /** Fills and submits the run form with a draft sma-cross over {@code symbols}; answers the new run's id. */
    private long runFromTheForm(Page page, int fast, int slow, String... symbols) {
        return runFromTheForm(page, null, fast, slow, symbols);
    }

    /** As above; with {@code maxPositions}, a portfolio run with that limit. */
    private long runFromTheForm(Page page, Integer maxPositions, int fast, int slow, String... symbols) {
        long before = newestRun();
        page.navigate("/backtests/new");
        Browsers.awaitView(page.locator("#backtest-run-view"));
        page.locator("#backtest-source").click();
        page.locator("vaadin-select-item").getByText("Draft document", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#backtest-draft textarea").fill("type: sma-cross\nname: e2e\nsymbols: [SYNTH-ALPHA]\nparameters: {fast: " + fast
                + ", slow: " + slow + "}\n");
        for (String symbol : symbols) {
            page.locator("#backtest-symbols input").fill(symbol);
            page.locator("vaadin-multi-select-combo-box-item:not([hidden])").getByText(symbol, new Locator.GetByTextOptions().setExact(true)).click();
        }
        page.locator("#backtest-symbols input").press("Escape");
        if (maxPositions != null) {
            page.locator("#backtest-mode").click();
            page.locator("vaadin-select-item").getByText("Portfolio: one account, shared cash, risk limits",
                    new Locator.GetByTextOptions().setExact(true)).click();
            page.locator("#backtest-max-positions input").fill(maxPositions.toString());
        }
        page.locator("#backtest-label input").fill("e2e " + fast + "/" + slow);
        page.locator("#backtest-submit").click();
        Browsers.awaitView(page.locator("#backtests-view"));
        eventually(Duration.ofSeconds(30), () -> newestRun() > before, "the run is stored");
        return newestRun();
    }

    @Test
    void an_operator_runs_a_backtest_watches_its_progress_opens_the_result_and_compares_two_runs() {
        Page page = signIn(users.operator()).page;

        long held = runFromTheForm(page, 10, 30, GatedBacktestData.GATED, "SYNTH-ALPHA");
        assertThat(page.locator("#backtest-state-" + held)).containsText("RUNNING", new com.microsoft.playwright.assertions.LocatorAssertions
                .ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("#backtest-progress-" + held)).hasAttribute("aria-valuenow", "0");
        GatedBacktestData.GATE.release();
        // pushed to the open page: no reload
        assertThat(page.locator("#backtest-state-" + held)).containsText("DONE", new com.microsoft.playwright.assertions.LocatorAssertions
                .ContainsTextOptions().setTimeout(60_000));
        assertThat(page.locator("#backtest-progress-" + held)).hasAttribute("aria-valuenow", "100");

        page.locator("#backtest-open-" + held).click();
        Browsers.awaitView(page.locator("#backtest-result-view"));
        assertThat(page.locator("#backtest-metrics")).containsText("Trades P&L net");
        assertThat(page.locator("#backtest-metrics")).containsText("SYNTH-ALPHA");
        assertThat(page.locator("#backtest-equity")).isVisible();
        assertThat(page.locator("#backtest-monthly")).isVisible();
        assertThat(page.locator("#backtest-trades")).isVisible();
        assertThat(page.locator("#backtest-fingerprint")).hasText(java.util.regex.Pattern.compile("[0-9a-f]{64}"));
        assertThat(page.locator("#backtest-config-document")).containsText("fast: 10");
        assertThat(page.locator("#backtest-report")).isVisible();

        long second = runFromTheForm(page, 1, 5, 20, "SYNTH-ALPHA", "SYNTH-BETA");
        assertThat(page.locator("#backtest-state-" + second)).containsText("DONE", new com.microsoft.playwright.assertions.LocatorAssertions
                .ContainsTextOptions().setTimeout(60_000));
        page.locator("#backtest-open-" + second).click();
        Browsers.awaitView(page.locator("#backtest-result-view"));
        assertThat(page.locator("#backtest-metrics")).containsText("(account)");
        assertThat(page.locator("#backtest-account")).containsText("reconciliation difference 0");
        assertThat(page.locator("#backtest-refusals")).isVisible();
        assertThat(page.locator("#backtest-contributions")).containsText("SYNTH-BETA");
        assertThat(page.locator("#backtest-equity")).isVisible();
        page.navigate("/backtests");
        Browsers.awaitView(page.locator("#backtests-view"));
        page.locator("#backtest-compare-check-" + held).click();
        page.locator("#backtest-compare-check-" + second).click();
        page.locator("#backtests-compare").click();
        Browsers.awaitView(page.locator("#backtest-compare-view"));
        assertThat(page.locator("#compare-metrics")).containsText("#" + held + " SYNTH-ALPHA");
        assertThat(page.locator("#compare-metrics")).containsText("#" + second + " (account)");
        assertThat(page.locator("#compare-equity")).isVisible();
        assertThat(db.fetchCount(db.selectFrom("audit_event").where("action = 'BACKTEST_SUBMITTED' and outcome = 'SUCCESS'"))).isGreaterThanOrEqualTo(2);
    }

    /** Opens the run form with a draft sma-cross and the universe {@code name} chosen as its instruments, dates set. */
    private void universeOnTheForm(Page page, String name, int size) {
        page.navigate("/backtests/new");
        Browsers.awaitView(page.locator("#backtest-run-view"));
        page.locator("#backtest-source").click();
        page.locator("vaadin-select-item").getByText("Draft document", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#backtest-draft textarea").fill("type: sma-cross\nname: e2e\nsymbols: [SYNTH-ALPHA]\nparameters: {fast: 10, slow: 30}\n");
        page.locator("#backtest-instruments").click();
        page.locator("vaadin-select-item").getByText("Universe", new Locator.GetByTextOptions().setExact(true)).click();
        page.locator("#backtest-universe").click();
        page.locator("vaadin-select-item").getByText(name + " (NSE, " + size + " symbols)", new Locator.GetByTextOptions().setExact(true)).click();
        // other E2E classes may have stored a short series: the dates are set explicitly
        page.locator("#backtest-from input").fill("1/1/2019");
        page.locator("#backtest-from input").press("Enter");
        page.locator("#backtest-to input").fill("12/31/2020");
        page.locator("#backtest-to input").press("Enter");
    }

    @Test
    void an_operator_runs_a_backtest_on_a_universe_and_sees_its_symbols_without_data_named_first() {
        String name = "E2E Synth " + System.nanoTime() % 1_000_000;
        users.as(users.operator(), () -> universes.create(name, "NSE", java.util.List.of("SYNTH-ALPHA", "SYNTH-BETA", "E2E-NODATA"), "e2e universe"));
        Page page = signIn(users.operator()).page;

        universeOnTheForm(page, name, 3);
        assertThat(page.locator("#backtest-universe-report")).containsText("no stored data for 1: E2E-NODATA");
        long before = newestRun();
        page.locator("#backtest-submit").click();
        assertThat(page.locator("#backtest-universe")).hasAttribute("invalid", "");
        assertThat(page.locator("#backtest-universe")).containsText("E2E-NODATA (1 of 3)");
        assertThat(newestRun()).as("nothing dropped silently: no run").isEqualTo(before);

        users.as(users.operator(), () -> universes.update(name, "NSE", java.util.List.of("SYNTH-ALPHA", "SYNTH-BETA"), null, "data for all"));
        universeOnTheForm(page, name, 2);
        assertThat(page.locator("#backtest-universe-report")).containsText("2 symbols, all with stored data");
        page.locator("#backtest-submit").click();
        Browsers.awaitView(page.locator("#backtests-view"));
        eventually(Duration.ofSeconds(30), () -> newestRun() > before, "the run is stored");
        long run = newestRun();
        assertThat(page.locator("#backtest-state-" + run)).containsText("DONE", new com.microsoft.playwright.assertions.LocatorAssertions
                .ContainsTextOptions().setTimeout(60_000));
        var stored = db.fetchOne("SELECT symbols, universe FROM backtest_run WHERE run_id = " + run);
        assertThat(stored.get(0, String.class)).isEqualTo("SYNTH-ALPHA,SYNTH-BETA");
        assertThat(stored.get(1, String.class)).isEqualTo(name);
    }
}
