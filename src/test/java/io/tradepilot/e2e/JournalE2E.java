package io.tradepilot.e2e;

import io.tradepilot.engine.domain.ChargeKind;
import io.tradepilot.engine.domain.Charges;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.journal.internal.JournalFixtures;
import io.tradepilot.testing.Eventually;
import io.tradepilot.trading.internal.LedgerTestWriter;
import io.tradepilot.trading.internal.LedgerTestWriter.FilledOrder;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The journal as a trader uses it: filter, open a trade, tag it, write a note, export; edits and the export audited. */
class JournalE2E extends BrowserTestSupport {

    private static final Instant START = Instant.parse("2026-03-02T04:00:00Z"); // 09:30 in Kolkata

    @Autowired DSLContext db;
    @Autowired ApplicationContext context;

    @BeforeEach
    void ledgerWithTwoSymbols() {
        LedgerTestWriter.emptyLedger(db);
        JournalFixtures.emptyJournal(db);
        new LedgerTestWriter(context, START, ZoneId.of("Asia/Kolkata")).write(List.of(
                new FilledOrder("sma", "ABC", Side.BUY, "10", "100", "2", OrderType.MARKET, 0, "95"),
                new FilledOrder("sma", "ABC", Side.SELL, "10", "110", "2", OrderType.LIMIT, 30),      // trade 1: +96, R 1.92
                new FilledOrder("mr", "XYZ", Side.SELL, "10", "50", "1", OrderType.MARKET, 40),
                new FilledOrder("mr", "XYZ", Side.BUY, "10", "52", "1", OrderType.STOP, 60, null, null, // trade 3: -22
                        new Charges(Map.of(ChargeKind.BROKERAGE, new BigDecimal("0.60"), ChargeKind.STT, new BigDecimal("0.25"),
                                ChargeKind.GST, new BigDecimal("0.15"))))));
    }

    @Test
    void an_operator_filters_opens_a_trade_tags_it_writes_a_note_and_exports_the_filtered_trades() throws Exception {
        JournalPage journal = JournalPage.open(signIn(users.operator()).page, "range=all");
        assertThat(journal.gridCells("ABC").first()).isVisible();
        assertThat(journal.gridCells("XYZ").first()).isVisible();

        journal.filterBySymbol("XYZ");
        assertThat(journal.gridCells("XYZ").first()).isVisible();
        assertThat(journal.gridCells("ABC")).hasCount(0);
        assertThat(journal.page.url()).contains("range=all").contains("symbol=XYZ");

        journal.openTrade(3);
        assertThat(journal.dialog()).containsText("no stop");
        assertThat(journal.page.locator("#trade-fills vaadin-grid-cell-content").getByText("STOP")).isVisible();
        assertThat(journal.page.locator("#trade-fills vaadin-grid-cell-content")
                .getByText("Brokerage 0.60 · STT 0.25 · GST 0.15")).isVisible();
        journal.addTag("stopped out");
        journal.writeNote("Chased the **breakdown**; <b>raw</b> html stays text");
        journal.save();
        assertThat(journal.page.locator("#trade-dialog strong")).hasText("breakdown");
        assertThat(journal.dialog()).containsText("<b>raw</b>");
        Eventually.eventually(Duration.ofSeconds(30),
                () -> db.fetchCount(db.selectFrom("journal_tag").where("trade_id = 3 and tag = 'stopped out'")) == 1, "the tag is stored");
        assertThat(db.fetchOne("SELECT body FROM journal_note WHERE trade_id = 3").get(0, String.class)).startsWith("Chased the");
        journal.page.keyboard().press("Escape");
        assertThat(journal.tradeFills()).isHidden();

        String csv = journal.export("journal-export-trades");
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).endsWith(",charge_brokerage,charge_stt,charge_gst,charge_commission");
        assertThat(lines.get(1)).startsWith("3,XYZ,SHORT,mr").contains("stopped out").endsWith(",0.60,0.25,0.15,1");
        Eventually.eventually(Duration.ofSeconds(30),
                () -> db.fetchCount(db.selectFrom("audit_event").where("action = 'JOURNAL_EXPORT'")) >= 1, "the export is audited");
        assertThat(db.fetchCount(db.selectFrom("audit_event").where("action in ('JOURNAL_TAGS_SET', 'JOURNAL_NOTE_SET')"
                + " and outcome = 'SUCCESS'"))).isGreaterThanOrEqualTo(2);
    }
}
