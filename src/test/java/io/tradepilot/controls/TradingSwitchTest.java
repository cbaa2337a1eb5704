package io.tradepilot.controls;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.tradepilot.controls.KillSwitchTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class TradingSwitchTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private final ControlRules rules = ControlRules.defaults();

    @Test
    void pausing_active_trading_pauses_it_with_an_optional_reason() {
        var decision = TradingSwitch.initial().pause("olga", null, NOW, rules);

        assertThat(decision).isInstanceOfSatisfying(Decision.Applied.class, applied -> {
            assertThat(((TradingSwitch) applied.next()).state()).isEqualTo(TradingState.PAUSED);
            assertThat(((TradingSwitch) applied.next()).lastChange()).contains(new Change("olga", NOW, ""));
            assertThat(applied.change().action()).isEqualTo(ControlAction.PAUSE);
        });
    }

    @Test
    void pausing_twice_and_resuming_active_trading_are_refused() {
        var paused = (TradingSwitch) ((Decision.Applied<?>) TradingSwitch.initial().pause("olga", "lunch", NOW, rules)).next();

        assertRefused(paused.pause("bob", "again", NOW, rules), RefusalCode.ALREADY_PAUSED);
        assertRefused(TradingSwitch.initial().resume("bob", "go", NOW, rules), RefusalCode.NOT_PAUSED);
    }

    @Test
    void resuming_paused_trading_makes_it_active_again() {
        var paused = (TradingSwitch) ((Decision.Applied<?>) TradingSwitch.initial().pause("olga", "lunch", NOW, rules)).next();

        var decision = paused.resume("bob", "back", NOW.plusSeconds(5), rules);

        assertThat(decision).isInstanceOfSatisfying(Decision.Applied.class, applied ->
                assertThat(((TradingSwitch) applied.next()).state()).isEqualTo(TradingState.ACTIVE));
    }

    @Test
    void an_oversized_reason_is_refused() {
        assertRefused(TradingSwitch.initial().pause("olga", "x".repeat(501), NOW, rules), RefusalCode.REASON_TOO_LONG);
    }
}
