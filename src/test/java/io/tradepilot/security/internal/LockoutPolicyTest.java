package io.tradepilot.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    @Test
    void up_to_two_consecutive_failures_lock_nothing() {
        assertThat(LockoutPolicy.lockAfter(0)).isEmpty();
        assertThat(LockoutPolicy.lockAfter(1)).isEmpty();
        assertThat(LockoutPolicy.lockAfter(2)).isEmpty();
    }

    @Test
    void the_third_and_fourth_failures_lock_for_thirty_seconds() {
        assertThat(LockoutPolicy.lockAfter(3)).contains(Duration.ofSeconds(30));
        assertThat(LockoutPolicy.lockAfter(4)).contains(Duration.ofSeconds(30));
    }

    @Test
    void the_fifth_and_sixth_failures_lock_for_five_minutes() {
        assertThat(LockoutPolicy.lockAfter(5)).contains(Duration.ofMinutes(5));
        assertThat(LockoutPolicy.lockAfter(6)).contains(Duration.ofMinutes(5));
    }

    @Test
    void from_the_seventh_failure_on_every_failure_locks_for_fifteen_minutes() {
        assertThat(LockoutPolicy.lockAfter(7)).contains(Duration.ofMinutes(15));
        assertThat(LockoutPolicy.lockAfter(50)).contains(Duration.ofMinutes(15));
    }

    @Test
    void the_account_locks_for_unknown_addresses_from_its_thirtieth_failure_since_the_last_sign_in() {
        assertThat(LockoutPolicy.accountLockAfter(LockoutPolicy.ACCOUNT_THRESHOLD - 1)).isEmpty();
        assertThat(LockoutPolicy.accountLockAfter(LockoutPolicy.ACCOUNT_THRESHOLD)).contains(Duration.ofMinutes(15));
        assertThat(LockoutPolicy.accountLockAfter(500)).contains(Duration.ofMinutes(15));
        assertThat(LockoutPolicy.ACCOUNT_THRESHOLD).isEqualTo(30);
    }

    @Test
    void durations_are_described_in_words_rounded_up_to_the_second() {
        assertThat(LockoutPolicy.describe(Duration.ofSeconds(30))).isEqualTo("30 seconds");
        assertThat(LockoutPolicy.describe(Duration.ofMinutes(5))).isEqualTo("5 minutes");
        assertThat(LockoutPolicy.describe(Duration.ofSeconds(61))).isEqualTo("1 minute 1 second");
        assertThat(LockoutPolicy.describe(Duration.ofMillis(100))).isEqualTo("1 second");
    }
}
