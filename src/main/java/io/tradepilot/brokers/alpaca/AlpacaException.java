package io.tradepilot.brokers.alpaca;

import io.tradepilot.brokers.internal.BrokerCallException;

/**
 * A call to Alpaca that did not give an answer the caller can use (see {@link BrokerCallException} for the kinds; Alpaca
 * never answers {@link Kind#TOKEN}: a refused key is {@link Kind#REFUSED}). A placement is never sent twice: when its
 * effect is unknown the order is looked up by client order id. Messages carry Alpaca's error text, never credentials.
 */
public final class AlpacaException extends BrokerCallException {

    public AlpacaException(Kind kind, int status, String message, Throwable cause) {
        super(kind, status, message, cause);
    }
}
