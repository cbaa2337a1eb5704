package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.ChannelKind;
import io.tradepilot.security.SecretBox;
import java.net.URI;

/**
 * Seals and opens channel secrets (through the {@link SecretBox}, bound to the channel's kind) and makes the
 * hint admins see in place of a secret.
 */
final class ChannelSecrets {

    private final SecretBox box;

    ChannelSecrets(SecretBox box) {
        this.box = box;
    }

    String seal(ChannelKind kind, String secret) {
        return secret == null ? null : box.seal(secret, context(kind));
    }

    /** The channel with its secret opened, for one send. */
    ChannelConfig open(JooqAlertStore.StoredChannel c) {
        String secret = c.sealedSecret() == null ? null : box.open(c.sealedSecret(), context(c.kind()));
        return new ChannelConfig(c.id(), c.name(), c.kind(), c.enabled(), c.minSeverity(), c.ratePerMinute(), c.settings(), secret);
    }

    /**
     * What admins see of a secret: a webhook URL's scheme, host and port; the last four characters of a token
     * or password longer than 12, else nothing but the mask.
     */
    static String hint(ChannelKind kind, String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        if (kind == ChannelKind.WEBHOOK) {
            try {
                URI uri = URI.create(secret);
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/••••";
            } catch (IllegalArgumentException e) {
                return "••••";
            }
        }
        return secret.length() > 12 ? "••••" + secret.substring(secret.length() - 4) : "••••";
    }

    private static String context(ChannelKind kind) {
        return "alert_channel:" + kind.name();
    }
}
