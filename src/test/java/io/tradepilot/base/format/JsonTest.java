package io.tradepilot.base.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonTest {

    @Test
    void amounts_are_written_as_plain_decimals_whatever_their_scale() {
        BigDecimal hundred = new BigDecimal("100").stripTrailingZeros(); // 1E+2, as the ledger reads it
        assertThat(JsonMapper.builder().build().writeValueAsString(hundred)).as("Jackson's default").isEqualTo("1E+2");
        assertThat(Json.mapper().writeValueAsString(Map.of("quantity", hundred, "price", new BigDecimal("5E+1"),
                "fee", new BigDecimal("0.00001")))).contains("\"quantity\":100", "\"price\":50", "\"fee\":0.00001");
    }
}
