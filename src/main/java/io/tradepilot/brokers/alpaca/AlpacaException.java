package io.tradepilot.brokers.alpaca;

/**
 * A call to Alpaca that did not give an answer the caller can use. {@link #kind()} says what is known about its
 * effect, which decides what the adapter may do next (a placement is never sent twice: when its effect is unknown
 * the order is looked up by client order id). Messages carry Alpaca's error text, never credentials.
 */
public final class AlpacaException extends RuntimeException {

    /** What is known about a failed call. */
    public enum Kind {
        /** Alpaca answered 4xx (other than 404 and 429): it refused the request; nothing changed. */
        REFUSED,
        /** Alpaca answered 404: no such order. */
        NOT_FOUND,
        /** Alpaca answered 429: too many requests; the request was not processed. */
        RATE_LIMITED,
        /** Alpaca answered 5xx: the request may or may not have taken effect. */
        SERVER,
        /** No answer after the request was sent (timeout, connection reset): it may or may not have taken effect. */
        NO_ANSWER,
        /** The request never left (connection refused, connect timeout): nothing changed. */
        NOT_SENT
    }

    private final Kind kind;
    private final int status;

    public AlpacaException(Kind kind, int status, String message, Throwable cause) {
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

    /** Worth asking again (reads only): rate limited, 5xx, no answer, not reachable. */
    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || brokerFailure();
    }

    /** The call certainly had no effect at Alpaca. */
    public boolean withoutEffect() {
        return kind == Kind.REFUSED || kind == Kind.NOT_FOUND || kind == Kind.RATE_LIMITED || kind == Kind.NOT_SENT;
    }
}
