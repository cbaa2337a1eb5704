package io.tradepilot.brokers.internal;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;

/** Fields of brokers' JSON answers, read exactly: the adapters' one way to take text and amounts out of a node. */
public final class JsonFields {

    private JsonFields() {
    }

    /** The field's text, null when absent or JSON null. */
    public static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /**
     * An exact decimal from a decimal string or a JSON number (parse with {@code USE_BIG_DECIMAL_FOR_FLOATS} so that a
     * number never passes through {@code double}); null when absent, JSON null or blank.
     */
    public static BigDecimal decimal(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.decimalValue();
        String s = v.asString();
        return s.isBlank() ? null : new BigDecimal(s);
    }
}
