package io.tradepilot.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.tradepilot.scheduler.NearBreakout;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.internal.SchedulerStore;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The Setups page in Chromium, signed in as a viewer: two days of 3WI setups are stored (the scan's rows and decisions,
 * an entered trade's plan, a moved stop and an exit, a near-breakout finding); the page opens on the newest scan's day,
 * and picking the older day shows its setups with their states, plans and reasons.
 */
class SetupsE2E extends BrowserTestSupport {

    private static final LocalDate OLDER = LocalDate.of(2026, 11, 27);
    private static final LocalDate NEWEST = LocalDate.of(2026, 12, 4);
    private static final String AAA = "3wi-v1:AAA:2026-11-09";

    @Autowired DSLContext db;
    @Autowired SchedulerStore store;

    @BeforeEach
    void twoDaysOfSetups() {
        db.execute("TRUNCATE scan_result, scan_setup, setup_exit, setup_stop, near_breakout RESTART IDENTITY");
        Instant at = Instant.parse("2026-11-27T09:40:00Z");
        ScanReport older = store.saveScan(new ScanReport(0, "3wi", "NSE", OLDER, at, 50, List.of(
                row("AAA", "BREAKOUT_UP", "110", "90", "111", "90", "142.5", "174", "285").decided(AAA, "TAKEN", "O41", "entered by scan 1"),
                row("BBB", "BREAKOUT_UP", "520", "480", "521", "480", "582.5", "644", "146")
                        .decided("3wi-v1:BBB:2026-11-09", "SKIPPED", null, "not qualified: filters failed: rsi volume"))));
        org.assertj.core.api.Assertions.assertThat(store.claimSetup(AAA, "AAA", LocalDate.of(2026, 11, 9), older.id(), "claimed", at)).isTrue();
        store.setupEntered(AAA, "O41", "entered by scan 1: BUY 285 AAA MARKET", new SchedulerStore.Plan("BUY", new BigDecimal("285"),
                new BigDecimal("111"), new BigDecimal("90"), new BigDecimal("142.5"), new BigDecimal("174")));
        store.moveStop(AAA, "BREAKEVEN", new BigDecimal("111"), Instant.parse("2026-11-30T03:45:00Z"), "BREAKEVEN", at);
        store.saveNearBreakouts(OLDER, List.of(new NearBreakout(OLDER, "3wi-v1:CCC:2026-11-09", "CCC", "UP", new BigDecimal("110"),
                new BigDecimal("90"), new BigDecimal("108.9"), "DAILY", new BigDecimal("1.00"), 75, at)));
        store.saveScan(new ScanReport(0, "3wi", "NSE", NEWEST, at.plusSeconds(7 * 86_400), 50, List.of(
                row("DDD", "ACTIVE", "210", "190", null, null, null, null, null).decided("3wi-v1:DDD:2026-11-16", null, null, null))));
    }

    private static ScanReport.Row row(String symbol, String state, String high, String low, String entry, String stop, String t1, String t2,
                                      String quantity) {
        return new ScanReport.Row(symbol, state, true, new BigDecimal(high), new BigDecimal(low), decimal(entry), decimal(stop), decimal(t1),
                decimal(t2), decimal(quantity), entry != null, "");
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    @Test
    void a_viewer_opens_the_newest_day_picks_an_older_one_and_reads_states_plans_and_reasons() {
        Page page = signIn(users.viewer()).page;
        page.navigate("/setups");
        Browsers.awaitView(page.locator("#setups-view"));
        assertThat(page.locator("#setups-summary")).hasText("2026-12-04: 1 setups, 0 entered, 0 near breakout, 0 not taken");
        assertThat(cell(page, "DDD")).isVisible();
        assertThat(cell(page, "FOUND")).isVisible();

        page.locator("#setups-date input").fill("2026-11-27");
        page.locator("#setups-date input").press("Enter");
        assertThat(page.locator("#setups-summary")).hasText("2026-11-27: 3 setups, 1 entered, 1 near breakout, 1 not taken");
        for (String text : List.of("AAA", "ENTERED", "BREAKOUT_UP", "111.00", "90.00", "142.50", "174.00", "285", "O41",
                "STOP BREAKEVEN 111 after bar 2026-11-30T03:45:00Z", "entered by scan 1: BUY 285 AAA MARKET",
                "BBB", "NOT_TAKEN", "582.50", "not qualified: filters failed: rsi volume",
                "CCC", "NEAR_BREAKOUT", "near breakout UP: 108.9 (daily) is 1.00 % from the trigger 110, quality 75")) {
            assertThat(cell(page, text)).isVisible();
        }
        assertThat(cell(page, "DDD")).hasCount(0);
    }

    private static Locator cell(Page page, String text) {
        return page.locator("#setups-grid vaadin-grid-cell-content").getByText(text, new Locator.GetByTextOptions().setExact(true)).first();
    }
}
