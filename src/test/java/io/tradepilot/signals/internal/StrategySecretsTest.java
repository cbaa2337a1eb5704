package io.tradepilot.signals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.security.SecretBox;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

class StrategySecretsTest {

    @Test
    void a_secret_is_sealed_for_its_strategy_and_matches_only_itself() {
        StrategySecrets secrets = new StrategySecrets(new SecretBox(new byte[32]));
        String secret = StrategySecrets.generate();
        assertThat(secret).hasSize(43).doesNotContain("=");
        String sealed = secrets.seal("tv-1", secret);
        assertThat(sealed).startsWith("v1:").doesNotContain(secret);
        assertThat(secrets.open("tv-1", sealed)).isEqualTo(secret);
        assertThat(StrategySecrets.matches(secret, secret)).isTrue();
        assertThat(StrategySecrets.matches(secret, secret + "x")).isFalse();
        assertThat(StrategySecrets.matches(secret, null)).isFalse();
    }

    @Test
    void an_hmac_signature_of_the_body_authenticates_and_any_other_does_not() {
        byte[] body = "{\"ticker\":\"X\"}".getBytes(StandardCharsets.UTF_8);
        String hex = HexFormat.of().formatHex(StrategySecrets.hmac("k", body));
        assertThat(StrategySecrets.signed("k", body, "sha256=" + hex)).isTrue();
        assertThat(StrategySecrets.signed("k", body, hex.toUpperCase())).isTrue();
        assertThat(StrategySecrets.signed("other", body, "sha256=" + hex)).isFalse();
        assertThat(StrategySecrets.signed("k", "{}".getBytes(StandardCharsets.UTF_8), "sha256=" + hex)).isFalse();
        assertThat(StrategySecrets.signed("k", body, "sha256=zz")).isFalse();
        assertThat(StrategySecrets.signed("k", body, null)).isFalse();
    }
}
