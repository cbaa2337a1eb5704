package io.tradepilot.trading.internal;

import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.engine.core.EngineInput;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.risk.TradingState;
import io.tradepilot.engine.risk.TradingStatePort;
import io.tradepilot.engine.venue.ExecutionVenue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

class StartupReconciliationTest {

    private volatile TradingState controls = TradingState.ALLOWED;
    private final TradingStatePort controlsPort = () -> controls;

    @Test
    void the_armed_port_passes_the_controls_releases_through() {
        StartupReconciliation startup = new StartupReconciliation();
        startup.require(true);
        long[] releases = {3};
        TradingStatePort controls = new TradingStatePort() {
            @Override
            public TradingState current() {
                return TradingState.ALLOWED;
            }

            @Override
            public long releases() {
                return releases[0];
            }
        };
        TradingStatePort armed = startup.arm(controls, new Session("acc-1"));
        assertThat(armed.releases()).isEqualTo(3);
        releases[0]++;
        assertThat(armed.releases()).isEqualTo(4);
    }

    @Test
    void entries_wait_for_the_first_clean_reconciliation_of_the_session_the_engine_started_on() {
        StartupReconciliation startup = new StartupReconciliation();
        startup.require(true);
        Session first = new Session("acc-1");
        TradingStatePort port = startup.arm(controlsPort, first);

        assertThat(port.current().kind()).isEqualTo(TradingState.Kind.PAUSED);
        assertThat(port.current().reason()).isEqualTo("awaiting the start-up reconciliation with kite account acc-1");
        startup.reconciled(first, false);                       // differences open: still held (and the breaker trips)
        assertThat(port.current().kind()).isEqualTo(TradingState.Kind.PAUSED);
        startup.reconciled(new Session("acc-1"), true);         // another session's run releases nothing
        assertThat(startup.holding()).isTrue();
        controls = TradingState.blocked(TradingState.Kind.KILL_SWITCH_ENGAGED, "by admin");
        assertThat(port.current().kind()).as("the stricter control state wins").isEqualTo(TradingState.Kind.KILL_SWITCH_ENGAGED);
        controls = TradingState.ALLOWED;

        startup.reconciled(first, true);
        assertThat(port.current()).isEqualTo(TradingState.ALLOWED);

        Session second = new Session("acc-2");                  // a restart (failover, account switch) waits again
        TradingStatePort again = startup.arm(controlsPort, second);
        assertThat(again.current().kind()).isEqualTo(TradingState.Kind.PAUSED);
    }

    @Test
    void nothing_is_held_at_the_paper_venue_or_when_reconciliation_does_not_run_here() {
        StartupReconciliation startup = new StartupReconciliation();
        startup.require(true);
        assertThat(startup.arm(controlsPort, null).current()).isEqualTo(TradingState.ALLOWED);
        startup.require(false);
        assertThat(startup.arm(controlsPort, new Session("acc-1")).current()).isEqualTo(TradingState.ALLOWED);
    }

    private record Session(String accountId) implements VenueSession {
        @Override public String broker() { return "kite"; }
        @Override public boolean live() { return false; }
        @Override public ExecutionVenue venue() { throw new UnsupportedOperationException(); }
        @Override public void start(EngineInput engine) { }
        @Override public Optional<Instrument> instrument(String symbol) { return Optional.empty(); }
        @Override public List<Bar> history(Instrument instrument, Duration barSize, Instant from, Instant to) { return List.of(); }
        @Override public AutoCloseable streamBars(List<Instrument> instruments, Duration barSize, BiConsumer<Instrument, Bar> sink) { return () -> { }; }
        @Override public BrokerBook book() { throw new UnsupportedOperationException(); }
        @Override public List<BrokerBook.BrokerFill> fillsSince(Instant after) { return List.of(); }
        @Override public void close() { }
    }
}
