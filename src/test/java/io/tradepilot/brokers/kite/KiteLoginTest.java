package io.tradepilot.brokers.kite;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KiteLoginTest {

    private final KiteConfig config = KiteConfig.of("kiteapikey1", "kite-secret");

    @Test
    void the_login_url_is_kites_connect_login_with_version_3_and_the_api_key() {
        assertThat(KiteLogin.loginUrl(config)).isEqualTo(URI.create("https://kite.zerodha.com/connect/login?v=3&api_key=kiteapikey1"));
        KiteConfig local = config.withUrls(URI.create("http://127.0.0.1:18310"), URI.create("http://127.0.0.1:18310/connect/login"), null);
        assertThat(KiteLogin.loginUrl(local).toString()).isEqualTo("http://127.0.0.1:18310/connect/login?v=3&api_key=kiteapikey1");
    }

    @Test
    void the_checksum_is_the_sha256_of_key_request_token_and_secret() {
        // sha256("abc") — the concatenation "a" + "b" + "c"
        assertThat(KiteLogin.checksum("a", "b", "c")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void a_token_is_valid_until_six_in_the_morning_ist_after_the_login() {
        // 09:30 IST on 7 Dec → 06:00 IST on 8 Dec (00:30 UTC)
        assertThat(KiteLogin.validUntil(Instant.parse("2026-12-07T04:00:00Z"))).isEqualTo(Instant.parse("2026-12-08T00:30:00Z"));
        // 05:00 IST on 7 Dec (before the reset) → 06:00 IST the same day
        assertThat(KiteLogin.validUntil(Instant.parse("2026-12-06T23:30:00Z"))).isEqualTo(Instant.parse("2026-12-07T00:30:00Z"));
        // exactly 06:00 IST → the next day's
        assertThat(KiteLogin.validUntil(Instant.parse("2026-12-07T00:30:00Z"))).isEqualTo(Instant.parse("2026-12-08T00:30:00Z"));
    }

    @Test
    void a_malformed_request_token_is_refused_before_anything_is_sent() {
        assertThatThrownBy(() -> KiteLogin.exchange(null, config, "abc&x=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KiteLogin.exchange(null, config, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_config_never_shows_the_secret() {
        assertThat(config.toString()).doesNotContain("kite-secret").contains("apiSecret=***");
    }
}
