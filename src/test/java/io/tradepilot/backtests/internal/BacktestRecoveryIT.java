package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestMode;
import io.tradepilot.backtests.FeeModel;
import io.tradepilot.backtests.SymbolResult;
import io.tradepilot.backtests.FillModel;
import io.tradepilot.backtests.RunState;
import io.tradepilot.backtests.SlippageModel;
import io.tradepilot.testing.IntegrationTestSupport;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.tradepilot.db.Tables.BACKTEST_CONTRIBUTION;
import static io.tradepilot.db.Tables.BACKTEST_REFUSAL;
import static io.tradepilot.db.Tables.BACKTEST_RUN;
import static io.tradepilot.db.Tables.BACKTEST_SYMBOL;
import static io.tradepilot.db.Tables.BACKTEST_TRADE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker's crash: the run stays RUNNING with what the dead attempt wrote; an ordinary second firing leaves it alone
 * (no run executes twice at once); Quartz's recovery firing ({@code isRecovering}) takes it over as a new attempt and
 * its result replaces the dead attempt's rows, so nothing is counted twice. (This instance runs no Quartz worker:
 * the firings are called directly, as {@link BacktestJob} calls them.)
 */
class BacktestRecoveryIT extends IntegrationTestSupport {

    @Autowired DSLContext db;
    @Autowired JooqBacktestStore store;
    @Autowired BacktestQueue queue;

    @Test
    void a_recovered_run_reruns_as_a_new_attempt_whose_result_replaces_the_crashed_attempts_rows() {
        long id = store.insert(new JooqBacktestStore.NewRun("recovery-it", Instant.parse("2026-01-05T04:00:00Z"), "recovery", "DRAFT", null, null,
                "sma-cross", "type: sma-cross\nname: r\nsymbols: [SYNTH-ALPHA]\nparameters: {fast: 10, slow: 30}\n", List.of("SYNTH-ALPHA"),
                LocalDate.of(2019, 1, 1), LocalDate.of(2020, 12, 31), new BigDecimal("1000000"), new BigDecimal("100"), FillModel.NEXT_OPEN,
                FeeModel.NONE, null, SlippageModel.NONE, null, false, false, IndependentRunsRunner.NAME, BacktestMode.INDEPENDENT, null, null, false, null, null, null, null));
        var claim = store.claim(id, false, 1, "dead-worker", Instant.parse("2026-01-05T04:00:01Z"));
        assertThat(claim).isInstanceOf(JooqBacktestStore.Claim.Run.class);
        // what the dead attempt had written before it died (outside the result's transaction, as a stray row would be)
        db.insertInto(BACKTEST_TRADE).set(BACKTEST_TRADE.RUN_ID, id).set(BACKTEST_TRADE.SYMBOL, "SYNTH-ALPHA").set(BACKTEST_TRADE.SEQ, 999)
                .set(BACKTEST_TRADE.SIDE, "LONG").set(BACKTEST_TRADE.ENTRY_TIME, Instant.EPOCH).set(BACKTEST_TRADE.ENTRY_PRICE, BigDecimal.ONE)
                .set(BACKTEST_TRADE.EXIT_TIME, Instant.EPOCH).set(BACKTEST_TRADE.EXIT_PRICE, BigDecimal.ONE).set(BACKTEST_TRADE.QUANTITY, BigDecimal.ONE)
                .set(BACKTEST_TRADE.GROSS_PNL, BigDecimal.ZERO).set(BACKTEST_TRADE.FEES, BigDecimal.ZERO).set(BACKTEST_TRADE.NET_PNL, BigDecimal.ZERO)
                .execute();

        queue.fired(id, false);
        var stillRunning = db.selectFrom(BACKTEST_RUN).where(BACKTEST_RUN.RUN_ID.eq(id)).fetchOne();
        assertThat(stillRunning.getState()).as("an ordinary firing does not run a RUNNING run again").isEqualTo("RUNNING");
        assertThat(stillRunning.getAttempts()).isEqualTo(1);

        queue.fired(id, true);
        var done = db.selectFrom(BACKTEST_RUN).where(BACKTEST_RUN.RUN_ID.eq(id)).fetchOne();
        assertThat(done.getState()).isEqualTo(RunState.DONE.name());
        assertThat(done.getAttempts()).isEqualTo(2);
        assertThat(done.getWorker()).isNotEqualTo("dead-worker");
        int trades = db.fetchCount(BACKTEST_TRADE, BACKTEST_TRADE.RUN_ID.eq(id));
        assertThat(db.fetchCount(BACKTEST_TRADE, BACKTEST_TRADE.RUN_ID.eq(id).and(BACKTEST_TRADE.SEQ.eq(999)))).as("the dead attempt's row is gone").isZero();
        assertThat(trades).isPositive().isEqualTo(db.selectFrom(BACKTEST_SYMBOL).where(BACKTEST_SYMBOL.RUN_ID.eq(id)).fetchOne().getTrades());

        queue.fired(id, true);
        assertThat(db.fetchCount(BACKTEST_TRADE, BACKTEST_TRADE.RUN_ID.eq(id))).as("a late firing of a DONE run changes nothing").isEqualTo(trades);
        assertThat(db.selectFrom(BACKTEST_RUN).where(BACKTEST_RUN.RUN_ID.eq(id)).fetchOne().getAttempts()).isEqualTo(2);
    }

    @Test
    void a_recovered_portfolio_run_replaces_the_crashed_attempts_account_rows() {
        long id = store.insert(new JooqBacktestStore.NewRun("recovery-it-portfolio", Instant.parse("2026-01-05T04:00:00Z"), "recovery portfolio", "DRAFT",
                null, null, "sma-cross", "type: sma-cross\nname: r\nsymbols: [SYNTH-ALPHA]\nparameters: {fast: 10, slow: 30}\n",
                List.of("SYNTH-ALPHA", "SYNTH-BETA"), LocalDate.of(2019, 1, 1), LocalDate.of(2020, 12, 31), new BigDecimal("1000000"),
                new BigDecimal("100"), FillModel.NEXT_OPEN, FeeModel.NONE, null, SlippageModel.NONE, null, false, false, PortfolioRunner.NAME,
                BacktestMode.PORTFOLIO, 1, null, true, null, null, null, null));
        assertThat(store.claim(id, false, 1, "dead-worker", Instant.parse("2026-01-05T04:00:01Z"))).isInstanceOf(JooqBacktestStore.Claim.Run.class);
        db.insertInto(BACKTEST_REFUSAL).set(BACKTEST_REFUSAL.RUN_ID, id).set(BACKTEST_REFUSAL.REASON, "STRAY").set(BACKTEST_REFUSAL.ORDERS, 7L).execute();

        queue.fired(id, true);
        var done = db.selectFrom(BACKTEST_RUN).where(BACKTEST_RUN.RUN_ID.eq(id)).fetchOne();
        assertThat(done.getState()).isEqualTo(RunState.DONE.name());
        assertThat(done.getAttempts()).isEqualTo(2);
        assertThat(done.getReconciliationDifference()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(db.fetchCount(BACKTEST_REFUSAL, BACKTEST_REFUSAL.RUN_ID.eq(id).and(BACKTEST_REFUSAL.REASON.eq("STRAY")))).as("the dead attempt's row is gone")
                .isZero();
        assertThat(db.fetchCount(BACKTEST_CONTRIBUTION, BACKTEST_CONTRIBUTION.RUN_ID.eq(id))).isEqualTo(2);
        assertThat(db.selectFrom(BACKTEST_SYMBOL).where(BACKTEST_SYMBOL.RUN_ID.eq(id)).fetch(BACKTEST_SYMBOL.SYMBOL)).containsExactly(SymbolResult.ACCOUNT);
        assertThat(db.fetchCount(BACKTEST_TRADE, BACKTEST_TRADE.RUN_ID.eq(id)))
                .isEqualTo(db.selectFrom(BACKTEST_SYMBOL).where(BACKTEST_SYMBOL.RUN_ID.eq(id)).fetchOne().getTrades());
    }
}
