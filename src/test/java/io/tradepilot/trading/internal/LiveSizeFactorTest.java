package io.tradepilot.trading.internal;

import io.tradepilot.controls.TradingMode;
import io.tradepilot.controls.TradingModeState;
import io.tradepilot.controls.TradingModes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The factor the host hands the engine for a trading mode: the LIVE step, else 1; fail closed when unreadable. */
class LiveSizeFactorTest {

    private static TradingModeState state(TradingMode mode, String factor) {
        return new TradingModeState(mode, factor == null ? null : new BigDecimal(factor), "admin", Instant.EPOCH, "test");
    }

    @Test
    void live_sends_its_step_paper_sends_entries_whole() {
        assertThat(LiveSizeFactor.of(state(TradingMode.LIVE, "0.10"))).isEqualByComparingTo("0.10");
        assertThat(LiveSizeFactor.of(state(TradingMode.LIVE, "0.50"))).isEqualByComparingTo("0.50");
        assertThat(LiveSizeFactor.of(state(TradingMode.PAPER, "0.10"))).isEqualByComparingTo("1");
        assertThat(LiveSizeFactor.of(null)).isEqualByComparingTo("1");
    }

    @Test
    void an_unusable_stored_factor_in_live_sends_the_smallest_step_not_full_size() {
        assertThat(LiveSizeFactor.of(state(TradingMode.LIVE, "0"))).isEqualByComparingTo("0.10");
        assertThat(LiveSizeFactor.of(state(TradingMode.LIVE, "2"))).isEqualByComparingTo("0.10");
        assertThat(LiveSizeFactor.of(state(TradingMode.LIVE, null))).isEqualByComparingTo("0.10");
    }

    @Test
    void without_a_mode_service_or_when_the_mode_cannot_be_read_the_factor_is_one() {
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        assertThat(new LiveSizeFactor(null, none.getBeanProvider(TradingModes.class)).current()).isEqualByComparingTo("1");

        StaticListableBeanFactory failing = new StaticListableBeanFactory();
        failing.addBean("modes", new TradingModes() {
            @Override public TradingModeState current() { throw new IllegalStateException("database down"); }
            @Override public TradingModeState switchToLive(String confirmation, String reason) { throw new UnsupportedOperationException(); }
            @Override public TradingModeState dropToPaper(String reason) { throw new UnsupportedOperationException(); }
            @Override public TradingModeState raiseSizeFactor(String reason) { throw new UnsupportedOperationException(); }
        });
        assertThat(new LiveSizeFactor(null, failing.getBeanProvider(TradingModes.class)).current()).isEqualByComparingTo("1");
    }
}
