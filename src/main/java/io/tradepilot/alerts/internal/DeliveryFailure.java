package io.tradepilot.alerts.internal;

/**
 * A send that did not reach the channel. The message never holds a secret (transports build it themselves and
 * {@link #scrubbed} removes the channel's secret from anything taken from elsewhere).
 *
 * @see #permanent() a failure that no retry can fix (the channel refused the request: bad token, unknown chat)
 */
final class DeliveryFailure extends Exception {

    private final boolean permanent;

    DeliveryFailure(String message, boolean permanent) {
        super(message, null, false, false);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }

    /** {@code text} with every occurrence of {@code secret} replaced by {@code ****}, cut to 300 characters. */
    static String scrubbed(String text, String secret) {
        return scrubbed(text, secret == null ? java.util.List.of() : java.util.List.of(secret));
    }

    /** {@code text} with every occurrence of each of {@code secrets} (longest first) replaced by {@code ****}, cut to 300 characters. */
    static String scrubbed(String text, java.util.Collection<String> secrets) {
        if (text == null) {
            return "";
        }
        String clean = text;
        for (String secret : secrets.stream().filter(s -> s != null && !s.isEmpty())
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList()) {
            clean = clean.replace(secret, "****");
        }
        return clean.length() <= 300 ? clean : clean.substring(0, 300);
    }
}
