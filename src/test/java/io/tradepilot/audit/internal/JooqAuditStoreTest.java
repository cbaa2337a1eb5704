package io.tradepilot.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JooqAuditStoreTest {

    @Test
    void control_characters_and_lone_surrogates_are_stored_as_escapes_and_everything_else_as_given() {
        assertThat(JooqAuditStore.storable("nul\u0000 in reason")).isEqualTo("nul\\u0000 in reason");
        assertThat(JooqAuditStore.storable("esc\u001b[31m\u009f")).isEqualTo("esc\\u001B[31m\\u009F");
        assertThat(JooqAuditStore.storable("x\uD83D y \uDE80")).isEqualTo("x\\uD83D y \\uDE80");
        assertThat(JooqAuditStore.storable("line\r\n\ttab 🚀 रु")).isEqualTo("line\r\n\ttab 🚀 रु");
        assertThat(JooqAuditStore.storable(null)).isNull();
    }
}
