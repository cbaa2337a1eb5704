package io.tradepilot.reconciliation.internal;

import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.engine.core.EngineInput;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.engine.venue.ExecutionVenue;
import io.tradepilot.engine.venue.VenueOrder;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.trading.EngineReconciliation;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A broker account the tests set by hand, for the application's reconciliation and LIVE gates: the book and fills the
 * "broker" reports, whether an account is connected and live, and an engine port that records what it is asked to do.
 * Import {@link Config} (with {@code tradepilot.reconciliation.enabled=false}, so that only the tests run it).
 */
public final class StandInBrokerAccount implements EngineReconciliation {

    public volatile boolean connected = true;
    public volatile boolean live = true;
    public volatile boolean engineAvailable = true;
    public volatile BigDecimal cash;
    public final List<BrokerBook.BrokerPosition> positions = new CopyOnWriteArrayList<>();
    public final List<BrokerBook.BrokerOrder> orders = new CopyOnWriteArrayList<>();
    public final List<BrokerBook.BrokerFill> fills = new CopyOnWriteArrayList<>();
    public final List<ExecutionReport> reported = new CopyOnWriteArrayList<>();
    public final List<String> adopted = new CopyOnWriteArrayList<>();
    public final List<String> closed = new CopyOnWriteArrayList<>();
    /** What each run told the host: {@code clean} or {@code open} (the host holds entries until a clean one). */
    public final List<String> reconciledRuns = new CopyOnWriteArrayList<>();

    public void reset() {
        connected = true;
        live = true;
        engineAvailable = true;
        cash = null;
        positions.clear();
        orders.clear();
        fills.clear();
        reported.clear();
        adopted.clear();
        closed.clear();
        reconciledRuns.clear();
    }

    @Override
    public void reconciled(VenueSession session, boolean clean) {
        reconciledRuns.add(session.accountId() + (clean ? " clean" : " open"));
    }

    @Override
    public Optional<VenueSession> session() {
        return connected ? Optional.of(new Session()) : Optional.empty();
    }

    @Override
    public boolean report(List<ExecutionReport> reports) {
        if (!engineAvailable) return false;
        reported.addAll(reports);
        return true;
    }

    @Override
    public boolean adoptPosition(Instrument instrument, BigDecimal quantity, BigDecimal price, String reason) {
        if (!engineAvailable) return false;
        adopted.add(instrument.symbol() + " " + quantity.toPlainString() + " @ " + price.toPlainString());
        return true;
    }

    @Override
    public boolean closeAtBroker(Instrument instrument, BigDecimal quantity, BigDecimal brokerPrice, String reason) {
        if (!engineAvailable) return false;
        closed.add(instrument.symbol() + " " + quantity.toPlainString());
        return true;
    }

    private final class Session implements VenueSession {
        @Override public String accountId() { return "stand-in-kite"; }
        @Override public String broker() { return "kite"; }
        @Override public boolean live() { return live; }
        @Override public ExecutionVenue venue() {
            return new ExecutionVenue() {
                @Override public void submit(VenueOrder order) { }
                @Override public void cancel(VenueOrder order) { }
                @Override public void modify(VenueOrder order, OrderRequest amended) { }
                @Override public void resolve(VenueOrder order) { }
            };
        }
        @Override public void start(EngineInput engine) { }
        @Override public Optional<Instrument> instrument(String symbol) {
            return Optional.of(Instrument.nseEquity(symbol.contains(":") ? symbol.substring(symbol.indexOf(':') + 1) : symbol));
        }
        @Override public List<Bar> history(Instrument instrument, Duration barSize, Instant from, Instant to) { return List.of(); }
        @Override public AutoCloseable streamBars(List<Instrument> instruments, Duration barSize, BiConsumer<Instrument, Bar> sink) { return () -> { }; }
        @Override public BrokerBook book() { return new BrokerBook(Instant.parse("2026-12-07T04:00:00Z"), Money.INR, cash, new ArrayList<>(positions), new ArrayList<>(orders)); }
        @Override public List<BrokerBook.BrokerFill> fillsSince(Instant after) { return new ArrayList<>(fills); }
        @Override public void close() { }
    }

    /** The stand-in as the application's {@link EngineReconciliation} (in place of the engine host's). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        StandInBrokerAccount standInBrokerAccount() {
            return new StandInBrokerAccount();
        }
    }
}
