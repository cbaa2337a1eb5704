package io.tradepilot.brokers.internal;

import io.tradepilot.brokers.AccountCredentials;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.security.SecretBox;
import java.net.URI;

/**
 * Seals and opens an account's credentials through the app's {@link SecretBox}, each bound to the account's broker
 * and the field ({@code broker_account:ALPACA:secret}), so a sealed value cannot be moved to another field or broker;
 * makes the hint admins see in place of the key id.
 */
final class AccountSecrets {

    private final SecretBox box;

    AccountSecrets(SecretBox box) {
        this.box = box;
    }

    String seal(BrokerKind broker, String field, String plaintext) {
        return plaintext == null ? null : box.seal(plaintext, context(broker, field));
    }

    String open(BrokerKind broker, String field, String sealed) {
        return sealed == null ? null : box.open(sealed, context(broker, field));
    }

    /**
     * The account with its credentials opened, for one call of an adapter.
     *
     * @throws IllegalStateException when they cannot be opened (another secrets key, altered)
     */
    AccountCredentials credentials(JooqBrokerAccountStore.StoredAccount a) {
        return new AccountCredentials(a.id(), a.broker(), a.name(), a.environment(), URI.create(a.tradingUrl()),
                URI.create(a.marketDataUrl()), uri(a.tradeStreamUrl()), uri(a.dataStreamUrl()), a.dataFeed(),
                open(a.broker(), "key_id", a.sealedKeyId()), open(a.broker(), "secret", a.sealedSecret()),
                open(a.broker(), "access_token", a.sealedAccessToken()), a.accessTokenExpiresAt());
    }

    /** What admins see of a key id: its last four characters behind a mask when it is longer than 8, else only the mask. */
    static String hint(String keyId) {
        if (keyId == null || keyId.isEmpty()) return "";
        return keyId.length() > 8 ? "••••" + keyId.substring(keyId.length() - 4) : "••••";
    }

    private static URI uri(String url) {
        return url == null || url.isBlank() ? null : URI.create(url);
    }

    private static String context(BrokerKind broker, String field) {
        return "broker_account:" + broker.name() + ":" + field;
    }
}
