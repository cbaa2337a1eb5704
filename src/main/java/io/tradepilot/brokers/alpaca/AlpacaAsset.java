package io.tradepilot.brokers.alpaca;

/** {@code GET /v2/assets}: one asset ({@code class} us_equity, {@code status} active|inactive). */
public record AlpacaAsset(String symbol, String exchange, String assetClass, String status, boolean tradable,
                          boolean fractionable) {
}
