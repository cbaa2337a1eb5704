package io.tradepilot.brokers.kite;

import io.tradepilot.brokers.internal.BrokerCallException;

/**
 * A call to Kite that did not give an answer the caller can use (see {@link BrokerCallException} for the kinds; Kite's
 * 403 {@code TokenException} is {@link Kind#TOKEN}, its 4xx {@code InputException}/{@code OrderException} are
 * {@link Kind#REFUSED}, its {@code NetworkException}/{@code GeneralException} 5xx are {@link Kind#SERVER}). A placement
 * is never sent twice: when its effect is unknown the order is looked up by its tag. Messages carry Kite's
 * {@code error_type} and message, never the access token or the API secret.
 */
public final class KiteException extends BrokerCallException {

    public KiteException(Kind kind, int status, String message, Throwable cause) {
        super(kind, status, message, cause);
    }
}
