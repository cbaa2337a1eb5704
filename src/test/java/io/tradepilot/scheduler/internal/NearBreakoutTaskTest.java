package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.strategy.threeweek.Setup;
import io.tradepilot.engine.strategy.threeweek.SetupStatus;
import io.tradepilot.scheduler.NearBreakout;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** BEHAVIOUR.md's vector: mother H110/L90; a close of 108.9 is near breakout (≥ 99 % of 110 = 108.9). */
class NearBreakoutTaskTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    private static final Instant AT = Instant.parse("2026-12-04T09:50:00Z");
    private static final Setup SETUP = new Setup("ABC_1W_2026-11-23", "ABC", LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 23),
            new BigDecimal("110"), new BigDecimal("90"), new BigDecimal("100"), new BigDecimal("20"), 65, SetupStatus.ACTIVE, false,
            LocalDate.of(2026, 11, 30), new BigDecimal("105"), null, null, 0);

    private static Optional<NearBreakout> at(String price, boolean shorts) {
        return NearBreakoutTask.near(DAY, SETUP, new BigDecimal(price), "LIVE", shorts, AT);
    }

    @Test
    void a_price_within_one_percent_below_the_mother_high_is_near_and_says_how_far() {
        assertThat(at("108.89", false)).isEmpty();
        NearBreakout near = at("108.9", false).orElseThrow();
        assertThat(near.direction()).isEqualTo("UP");
        assertThat(near.distancePercent()).isEqualByComparingTo("1.00");
        assertThat(near.setupId()).isEqualTo("3wi-v1:ABC:2026-11-09");
        assertThat(near.quality()).isEqualTo(65);
        assertThat(at("110.5", false).orElseThrow().distancePercent()).as("beyond the trigger, to be confirmed by the week's close")
                .isEqualByComparingTo("-0.45");
    }

    @Test
    void near_the_mother_low_counts_only_with_shorts_on() {
        assertThat(at("90.9", false)).isEmpty();
        NearBreakout down = at("90.9", true).orElseThrow();
        assertThat(down.direction()).isEqualTo("DOWN");
        assertThat(down.distancePercent()).isEqualByComparingTo("1.00");
        assertThat(at("90.91", true)).isEmpty();
    }
}
