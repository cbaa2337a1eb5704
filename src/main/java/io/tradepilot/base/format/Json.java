package io.tradepilot.base.format;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for documents Tradepilot writes outside the web layer (control state in Redis,
 * stored reports, chart options). Like the API's mapper ({@code spring.jackson.write.write-bigdecimal-as-plain}
 * in {@code application.yaml}) it writes every {@link java.math.BigDecimal} as a plain decimal:
 * {@code 100}, never {@code 1E+2}, whatever the value's scale.
 */
public final class Json {

    private Json() {
    }

    /** A new mapper with Jackson's defaults except plain decimals. */
    public static JsonMapper mapper() {
        return JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    }
}
