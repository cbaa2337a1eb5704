package io.tradepilot.trading;

/** The market data cache cannot be read now (its store is unreachable); the caller may retry later. */
public class MarketDataUnavailableException extends RuntimeException {
    public MarketDataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
