package io.tradepilot.brokers.kite;

import io.tradepilot.engine.orders.ClientOrderId;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KiteTagTest {

    @Test
    void a_tag_is_twenty_alphanumeric_characters_and_the_same_for_the_same_client_order_id() {
        ClientOrderId cid = new ClientOrderId("ema-cross-v3:RELIANCE:1796616000000:B:0");
        String tag = KiteTag.of(cid);
        assertThat(tag).hasSize(KiteTag.MAX_LENGTH).matches("TP[0-9A-Z]{18}");
        assertThat(KiteTag.of(new ClientOrderId("ema-cross-v3:RELIANCE:1796616000000:B:0"))).isEqualTo(tag);
    }

    @Test
    void ten_thousand_neighbouring_ids_give_ten_thousand_tags() {
        Set<String> tags = new HashSet<>();
        for (int i = 0; i < 10_000; i++) tags.add(KiteTag.of(new ClientOrderId("s:INFY:" + (1796616000000L + i) + ":B:0")));
        assertThat(tags).hasSize(10_000);
    }
}
