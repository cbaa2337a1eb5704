package io.tradepilot.brokers.kite;

/**
 * A call to Kite that did not give an answer the caller can use. {@link #kind()} says what is known about its effect
 * (a placement is never sent twice: when its effect is unknown the order is looked up by its tag). Messages carry
 * Kite's {@code error_type} and message, never the access token or the API secret.
 */
public final class KiteException extends RuntimeException {

    /** What is known about a failed call. */
    public enum Kind {
        /** Kite answered 4xx (InputException, OrderException, …): it refused the request; nothing changed. */
        REFUSED,
        /** Kite answered 403 TokenException: the access token expired or was revoked; a daily login is needed. Nothing changed. */
        TOKEN,
        /** Kite answered 404: no such order. */
        NOT_FOUND,
        /** Kite answered 429: too many requests; the request was not processed. */
        RATE_LIMITED,
        /** Kite answered 5xx (NetworkException, GeneralException): the request may or may not have taken effect. */
        SERVER,
        /** No answer after the request was sent (timeout, connection reset): it may or may not have taken effect. */
        NO_ANSWER,
        /** The request never left (connection refused, connect timeout): nothing changed. */
        NOT_SENT
    }

    private final Kind kind;
    private final int status;

    public KiteException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, 0 when there was none. */
    public int status() {
        return status;
    }

    /** A failure of the broker or the way to it (counted towards BROKER_ERRORS): 5xx, no answer, not reachable. */
    public boolean brokerFailure() {
        return kind == Kind.SERVER || kind == Kind.NO_ANSWER || kind == Kind.NOT_SENT;
    }

    /** Worth asking again (reads only): rate limited, 5xx, no answer, not reachable. Never an expired token. */
    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || brokerFailure();
    }

    /** The call certainly had no effect at Kite. */
    public boolean withoutEffect() {
        return kind == Kind.REFUSED || kind == Kind.TOKEN || kind == Kind.NOT_FOUND || kind == Kind.RATE_LIMITED || kind == Kind.NOT_SENT;
    }
}
