package io.tradepilot.journal.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.journal.PerformanceReport;
import io.tradepilot.journal.ReportPeriod;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.trading.internal.LedgerTestWriter;
import io.tradepilot.trading.internal.LedgerTestWriter.FilledOrder;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored reports: written from the ledger's trades, kept as they were made, opened again. */
class JournalReportsIT extends IntegrationTestSupport {

    private static final Instant START = Instant.parse("2026-03-06T04:00:00Z"); // Friday 09:30 in Kolkata
    private static final LocalDate FRIDAY = LocalDate.of(2026, 3, 6);

    @Autowired DSLContext db;
    @Autowired ApplicationContext context;
    @Autowired DefaultJournalReports reports;
    @Autowired ReportWriter writer;

    private LedgerTestWriter ledger;

    @BeforeEach
    void ledgerWithThreeTrades() {
        LedgerTestWriter.emptyLedger(db);
        db.execute("TRUNCATE journal_tag, journal_note, journal_report");
        ledger = new LedgerTestWriter(context, START, ZoneId.of("Asia/Kolkata"));
        ledger.write(List.of(
                new FilledOrder("sma", "ABC", Side.BUY, "10", "100", "2", OrderType.MARKET, 0, "95"),   // 50 at risk
                new FilledOrder("sma", "ABC", Side.SELL, "10", "110", "2", OrderType.LIMIT, 30),        // trade 1: +96, 1.92R
                new FilledOrder("mr", "XYZ", Side.SELL, "10", "50", "1", OrderType.MARKET, 40),
                new FilledOrder("mr", "XYZ", Side.BUY, "10", "52", "1", OrderType.STOP, 60),           // trade 3: -22, no stop
                new FilledOrder("mr", "XYZ", Side.BUY, "5", "51", "1", OrderType.MARKET, 70)));        // trade 5: open
    }

    @Test
    void the_last_trading_day_of_a_week_stores_the_day_and_week_reports_which_open_again_as_they_were_made() {
        assertThat(ExchangeCalendar.nse().isTradingDay(FRIDAY)).isTrue();
        writer.write(FRIDAY, ExchangeCalendar.nse());

        PerformanceReport day = reports.stored(ReportPeriod.DAY, FRIDAY).orElseThrow();
        assertThat(day.statistics().trades()).isEqualTo(2);
        assertThat(day.statistics().netPnl()).isEqualByComparingTo("74");               // 96 - 22
        assertThat(day.statistics().averageR()).isEqualByComparingTo("1.92");           // 96 / 50
        assertThat(day.best().id()).isEqualTo(1);
        assertThat(day.worst().id()).isEqualTo(3);
        assertThat(day.strategies()).extracting(PerformanceReport.StrategyLine::strategy).containsExactly("mr", "sma");
        assertThat(reports.stored(ReportPeriod.WEEK, LocalDate.of(2026, 3, 2))).get()
                .satisfies(w -> assertThat(w.statistics().netPnl()).isEqualByComparingTo("74"));
        assertThat(reports.stored(ReportPeriod.MONTH, LocalDate.of(2026, 3, 1))).as("not the month's last trading day").isEmpty();
        assertThat(reports.stored(null, 10)).filteredOn(r -> !r.start().isBefore(LocalDate.of(2026, 3, 2)) && !r.end().isAfter(LocalDate.of(2026, 3, 8)))
                .extracting(PerformanceReport::period).containsExactly(ReportPeriod.DAY, ReportPeriod.WEEK);

        // what is stored stays: a later trade does not change the stored report, only the live one
        ledger.write(List.of(new FilledOrder("mr", "XYZ", Side.SELL, "5", "60", "1", OrderType.MARKET, 240)));
        assertThat(reports.stored(ReportPeriod.DAY, FRIDAY).orElseThrow().statistics().trades()).isEqualTo(2);
        assertThat(reports.now(ReportPeriod.DAY, FRIDAY).statistics().trades()).isEqualTo(3);
        assertThat(reports.stored(ReportPeriod.DAY, FRIDAY).orElseThrow()).usingRecursiveComparison()
                .withComparatorForType(Comparator.naturalOrder(), BigDecimal.class).isEqualTo(day);
    }
}
