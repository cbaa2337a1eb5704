package io.tradepilot.security.internal;

import io.tradepilot.security.SecretBox;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link SecretBox} that seals every secret the app stores (alert channels, broker accounts):
 * {@code tradepilot.secrets.key} ({@code TRADEPILOT_SECRETS_KEY}) when set, else the key generated into
 * {@code tradepilot.secrets.key-file} at the first start.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    SecretBox secretBox(@Value("${tradepilot.secrets.key:}") String key,
                        @Value("${tradepilot.secrets.key-file:./data/secrets.key}") Path keyFile) {
        return SecretBox.of(key, keyFile);
    }
}
