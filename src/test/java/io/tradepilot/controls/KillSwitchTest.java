package io.tradepilot.controls;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KillSwitchTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private final ControlRules rules = ControlRules.defaults();

    @Test
    void engaging_with_a_reason_of_ten_characters_engages_and_records_who_when_why() {
        var decision = KillSwitch.initial().engage("olga", "  broker down  ", NOW, rules);

        assertThat(decision).isInstanceOfSatisfying(Decision.Applied.class, applied -> {
            var next = (KillSwitch) applied.next();
            assertThat(next.state()).isEqualTo(KillSwitchState.ENGAGED);
            assertThat(next.lastChange()).contains(new Change("olga", NOW, "broker down"));
            assertThat(applied.change()).isEqualTo(new ControlChanged(Control.KILL_SWITCH,
                    ControlAction.ENGAGE_KILL_SWITCH, "ACTIVE", "ENGAGED", "olga", NOW, "broker down", ""));
        });
    }

    @Test
    void engaging_with_a_reason_shorter_than_ten_characters_is_refused() {
        assertRefused(KillSwitch.initial().engage("olga", "too short", NOW, rules), RefusalCode.REASON_TOO_SHORT);
        assertRefused(KillSwitch.initial().engage("olga", "         x          ", NOW, rules), RefusalCode.REASON_TOO_SHORT);
        assertRefused(KillSwitch.initial().engage("olga", null, NOW, rules), RefusalCode.REASON_TOO_SHORT);
    }

    @Test
    void engaging_with_an_oversized_reason_is_refused() {
        assertRefused(KillSwitch.initial().engage("olga", "x".repeat(501), NOW, rules), RefusalCode.REASON_TOO_LONG);
    }

    @Test
    void engaging_while_engaged_is_a_clear_refusal_naming_who_engaged_it() {
        var engaged = engaged();

        var decision = engaged.engage("bob", "engage it once more", NOW, rules);

        assertRefused(decision, RefusalCode.ALREADY_ENGAGED);
        assertThat(((Decision.Refused<?>) decision).refusal().message()).contains("already engaged").contains("olga");
    }

    @Test
    void disengaging_needs_notes_and_the_typed_word_confirm() {
        var engaged = engaged();

        assertRefused(engaged.disengage("ada", "", "CONFIRM", NOW, rules), RefusalCode.NOTES_REQUIRED);
        assertRefused(engaged.disengage("ada", "all clear", "confirm", NOW, rules), RefusalCode.CONFIRMATION_MISMATCH);
        assertRefused(engaged.disengage("ada", "all clear", "", NOW, rules), RefusalCode.CONFIRMATION_MISMATCH);
        assertRefused(engaged.disengage("ada", "all clear", null, NOW, rules), RefusalCode.CONFIRMATION_MISMATCH);

        var decision = engaged.disengage("ada", "all clear", "CONFIRM", NOW.plusSeconds(60), rules);
        assertThat(decision).isInstanceOfSatisfying(Decision.Applied.class, applied -> {
            assertThat(((KillSwitch) applied.next()).state()).isEqualTo(KillSwitchState.ACTIVE);
            assertThat(((KillSwitch) applied.next()).lastChange()).contains(new Change("ada", NOW.plusSeconds(60), "all clear"));
        });
    }

    @Test
    void disengaging_a_kill_switch_that_is_not_engaged_is_refused() {
        assertRefused(KillSwitch.initial().disengage("ada", "all clear", "CONFIRM", NOW, rules), RefusalCode.NOT_ENGAGED);
    }

    private KillSwitch engaged() {
        return (KillSwitch) ((Decision.Applied<?>) KillSwitch.initial().engage("olga", "broker down", NOW, rules)).next();
    }

    static void assertRefused(Decision<?> decision, RefusalCode code) {
        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class,
                refused -> assertThat(refused.refusal().code()).isEqualTo(code));
    }
}
