package io.tradepilot.engine.domain;

/**
 * A kind of charge on one execution, as a fee model or a broker itemises it (a contract note's lines). The order is
 * the contract note's and the export's column order.
 */
public enum ChargeKind {
    /** The broker's brokerage (Zerodha: 0.03 % capped at ₹20 intraday, nothing on delivery). */
    BROKERAGE,
    /** Securities transaction tax (commodities: CTT, the same line). */
    STT,
    /** The exchange's transaction charge. */
    EXCHANGE,
    /** SEBI's turnover fee. */
    SEBI,
    /** GST on brokerage, exchange charge and SEBI fee. */
    GST,
    /** Stamp duty (on buys). */
    STAMP,
    /** The US SEC fee on sells (Alpaca passes it through). */
    SEC_FEE,
    /** FINRA's trading activity fee on sells (Alpaca passes it through). */
    FINRA_TAF,
    /** A charge the fee model or the venue does not itemise: the whole commission as one amount. */
    COMMISSION;

    /** How a contract note names the kind named {@code name} (e.g. "STT", "Stamp duty"); an unknown name as it is. */
    public static String label(String name) {
        return switch (name) {
            case "BROKERAGE" -> "Brokerage";
            case "STT" -> "STT";
            case "EXCHANGE" -> "Exchange txn";
            case "SEBI" -> "SEBI";
            case "GST" -> "GST";
            case "STAMP" -> "Stamp duty";
            case "SEC_FEE" -> "SEC fee";
            case "FINRA_TAF" -> "FINRA TAF";
            case "COMMISSION" -> "Commission";
            default -> name;
        };
    }

    /**
     * The position of the kind named {@code name} in this order (the contract note's), for sorting stored kinds; a name
     * this version does not know sorts after every known kind.
     */
    public static int order(String name) {
        for (ChargeKind k : values()) if (k.name().equals(name)) return k.ordinal();
        return values().length;
    }
}
