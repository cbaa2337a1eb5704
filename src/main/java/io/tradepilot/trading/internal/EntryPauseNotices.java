package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.EngineSnapshot;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.trading.DailyLossEntriesPaused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns the engine's first {@code DAILY_LOSS_ENTRIES_PAUSED} refusal of a market day, as the ledger records it, into a
 * {@link DailyLossEntriesPaused} fact with the figures: the day's loss from the engine's latest snapshot, and the pause
 * threshold from the limits the engine runs with (the same product the risk chain compares against). Later refusals of
 * the same day are ignored here (the alert is raised once a day; its source id also keeps a restart from raising it
 * again). {@link #recorded} runs on the ledger thread and never blocks or throws: the fact is published on
 * {@code publisher}'s own thread.
 */
final class EntryPauseNotices {

    private static final Logger log = LoggerFactory.getLogger(EntryPauseNotices.class);

    private final Supplier<Optional<EngineSnapshot>> snapshot;
    private final Supplier<TradingProperties.Limits> limits;
    private final ZoneId marketZone;
    private final Executor publisher;
    private final Consumer<Object> publish;
    /** The market day already reported; written on the ledger thread (a restarted engine has a new one). */
    private volatile LocalDate reported;

    EntryPauseNotices(Supplier<Optional<EngineSnapshot>> snapshot, Supplier<TradingProperties.Limits> limits, ZoneId marketZone,
                      Executor publisher, Consumer<Object> publish) {
        this.snapshot = snapshot;
        this.limits = limits;
        this.marketZone = marketZone;
        this.publisher = publisher;
        this.publish = publish;
    }

    /** A committed engine event (ledger thread). */
    void recorded(EngineEvent event) {
        if (!(event instanceof EngineEvent.OrderRejected r) || r.code() != RejectionCode.DAILY_LOSS_ENTRIES_PAUSED) return;
        try {
            LocalDate day = r.time().atZone(marketZone).toLocalDate();
            if (day.equals(reported)) return;
            Optional<DailyLossEntriesPaused> fact = fact(r, day, snapshot.get().map(EngineSnapshot::portfolio), limits.get());
            if (fact.isEmpty()) return;
            reported = day;
            publisher.execute(() -> {
                try {
                    publish.accept(fact.get());
                } catch (RuntimeException e) {
                    log.warn("The daily-loss entry pause of {} could not be published ({})", day, e.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("The daily-loss entry pause could not be reported ({})", e.toString());
        }
    }

    /** The fact for refusal {@code r}; empty without a portfolio or without both limits (then no pause can have happened). */
    static Optional<DailyLossEntriesPaused> fact(EngineEvent.OrderRejected r, LocalDate day, Optional<PortfolioSnapshot> portfolio,
                                                 TradingProperties.Limits limits) {
        BigDecimal dailyLoss = limits.dailyLoss();
        BigDecimal pause = limits.pauseEntriesAt();
        if (portfolio.isEmpty() || dailyLoss == null || dailyLoss.signum() <= 0 || pause == null || pause.signum() <= 0) {
            return Optional.empty();
        }
        PortfolioSnapshot p = portfolio.get();
        BigDecimal loss = p.dayStartEquity().subtract(p.equity());
        BigDecimal pauseAt = p.dayStartEquity().multiply(dailyLoss.multiply(pause));
        return Optional.of(new DailyLossEntriesPaused(day, r.time(), r.symbol(), p.currency().getCurrencyCode(), loss, pauseAt,
                dailyLoss, pause, p.dayStartEquity(), r.message()));
    }
}
