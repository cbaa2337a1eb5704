package io.tradepilot.brokers.internal;

/**
 * A call to a broker that did not give an answer the caller can use; each adapter throws its own subclass
 * ({@code AlpacaException}, {@code KiteException}). {@link #kind()} says what is known about the call's effect, which
 * decides what the adapter may do next (a placement is never sent twice: when its effect is unknown the order is looked
 * up by its client order id or tag). Messages carry the broker's error text, never credentials or tokens.
 */
public abstract class BrokerCallException extends RuntimeException {

    /** What is known about a failed call. */
    public enum Kind {
        /** The broker answered 4xx (other than the kinds below): it refused the request; nothing changed. */
        REFUSED,
        /** The broker refused the session token (Kite's 403 TokenException): a new login is needed. Nothing changed. */
        TOKEN,
        /** The broker answered 404: no such order. */
        NOT_FOUND,
        /** The broker answered 429: too many requests; the request was not processed. */
        RATE_LIMITED,
        /** The broker answered 5xx: the request may or may not have taken effect. */
        SERVER,
        /** No answer after the request was sent (timeout, connection reset): it may or may not have taken effect. */
        NO_ANSWER,
        /** The request never left (connection refused, connect timeout): nothing changed. */
        NOT_SENT
    }

    private final Kind kind;
    private final int status;

    protected BrokerCallException(Kind kind, int status, String message, Throwable cause) {
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

    /** Worth asking again (reads only): rate limited, 5xx, no answer, not reachable. Never a refused token. */
    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || brokerFailure();
    }

    /** The call certainly had no effect at the broker. */
    public boolean withoutEffect() {
        return kind == Kind.REFUSED || kind == Kind.TOKEN || kind == Kind.NOT_FOUND || kind == Kind.RATE_LIMITED || kind == Kind.NOT_SENT;
    }
}
