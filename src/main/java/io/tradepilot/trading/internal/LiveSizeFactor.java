package io.tradepilot.trading.internal;

import io.tradepilot.controls.TradingModeChanged;
import io.tradepilot.controls.TradingModeState;
import io.tradepilot.controls.TradingModes;
import io.tradepilot.engine.core.EngineCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;

import java.math.BigDecimal;

/**
 * Feeds the engine the LIVE size factor of {@link TradingModes}: the fraction of each strategy-computed entry that is
 * sent ({@link EngineCommand.SetSizeFactor}). Every engine start begins with {@link #current()}; every
 * {@link TradingModeChanged} (LIVE at 10 %, a raised step, back to PAPER) reaches the running engine at once. Outside
 * LIVE the factor is 1; a mode that cannot be read counts as PAPER (the host then sends no order to a live account:
 * fail closed), so the factor only ever scales orders that go to real money.
 */
final class LiveSizeFactor {

    private static final Logger log = LoggerFactory.getLogger(LiveSizeFactor.class);

    private final EngineHost host;
    private final ObjectProvider<TradingModes> modes;

    LiveSizeFactor(EngineHost host, ObjectProvider<TradingModes> modes) {
        this.host = host;
        this.modes = modes;
    }

    /** The factor now: the mode's in LIVE, else 1 (also without a mode service or when the mode cannot be read). */
    BigDecimal current() {
        TradingModes m = modes.getIfAvailable();
        if (m == null) return BigDecimal.ONE;
        try {
            return of(m.current());
        } catch (RuntimeException unreadable) {
            return BigDecimal.ONE;
        }
    }

    /** {@code state}'s factor for the engine: in LIVE its size factor (the smallest step when missing or not in (0, 1]), else 1. */
    static BigDecimal of(TradingModeState state) {
        if (state == null || !state.live()) return BigDecimal.ONE;
        BigDecimal f = state.sizeFactor();
        // a missing or unusable stored factor in LIVE sends the smallest step rather than full size
        return f != null && f.signum() > 0 && f.compareTo(BigDecimal.ONE) <= 0 ? f : TradingModeState.SIZE_STEPS.getFirst();
    }

    @EventListener
    void on(TradingModeChanged change) {
        HostedEngine run = host.running();
        if (run == null) return; // the next start reads the mode itself
        BigDecimal factor = of(change.state());
        run.engine.accept(new EngineCommand.SetSizeFactor(factor, "trading mode " + change.state().mode() + " by " + change.state().changedBy()));
        log.info("Trading mode {}: strategies' entries now sent at {} of their computed size", change.state().mode(), factor.toPlainString());
    }
}
