package io.tradepilot.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class AuditSpoolTest {

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<AuditSpool> open = new ArrayList<>();

    @AfterEach
    void closeSpools() {
        open.forEach(AuditSpool::close);
    }

    private AuditSpool spool() {
        AuditSpool spool = AuditSpool.open(dir, json);
        open.add(spool);
        return spool;
    }

    private static AuditRecord record(String reason) {
        return new AuditRecord(UUID.randomUUID(), Instant.parse("2026-03-02T09:15:30.123456Z"),
                new AuditEntry("olga", "TRADING_PAUSE", "trading", reason, AuditOutcome.SUCCESS, "ACTIVE -> PAUSED", "10.0.0.7"));
    }

    /** A spool that took {@code record} and whose process then died. */
    private void appendedBeforeACrash(AuditRecord record) throws IOException {
        try (AuditSpool crashed = AuditSpool.open(dir, json)) {
            crashed.append(record);
        }
    }

    private static List<AuditRecord> drainAll(AuditSpool spool) throws IOException {
        List<AuditRecord> written = new ArrayList<>();
        spool.drain(written::addAll, 2);
        return written;
    }

    @Test
    void records_come_back_exactly_as_appended_in_order_and_then_the_spool_is_empty() throws IOException {
        AuditSpool spool = spool();
        assertThat(spool.isEmpty()).isTrue();
        List<AuditRecord> records = List.of(record("nul\u0000 in reason"), record("line\nbreak"), record(null),
                record("🚀 \uD83D lone"), record("e"));
        for (AuditRecord r : records) {
            spool.append(r);
        }
        assertThat(spool.isEmpty()).isFalse();

        assertThat(drainAll(spool)).containsExactlyElementsOf(records);
        assertThat(records.getFirst().entry().reason()).as("stored as an escape").isEqualTo("nul\\u0000 in reason");
        assertThat(records.get(3).entry().reason()).isEqualTo("🚀 \\uD83D lone");
        assertThat(spool.isEmpty()).isTrue();
        assertThat(drainAll(spool)).isEmpty();
    }

    @Test
    void records_the_writer_refuses_stay_for_the_next_drain_and_later_ones_join_them() throws IOException {
        AuditSpool spool = spool();
        AuditRecord first = record("first");
        spool.append(first);

        assertThatThrownBy(() -> spool.drain(batch -> {
            throw new IllegalStateException("database down");
        }, 10)).hasMessage("database down");
        AuditRecord second = record("second");
        spool.append(second);

        assertThat(spool.isEmpty()).isFalse();
        assertThat(drainAll(spool)).containsExactly(first, second);
        assertThat(spool.isEmpty()).isTrue();
    }

    @Test
    void a_torn_last_line_after_a_crash_is_set_aside_and_loses_nothing_else() throws IOException {
        AuditRecord before = record("before the crash");
        appendedBeforeACrash(before);
        // the process died in the middle of writing the next line
        String torn = json.writeValueAsString(record("torn")).substring(0, 40);
        Files.writeString(dir.resolve(AuditSpool.ACTIVE), torn, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        AuditSpool restarted = spool();
        AuditRecord after = record("after the restart");
        restarted.append(after);

        assertThat(drainAll(restarted)).containsExactly(before, after);
        assertThat(Files.readString(dir.resolve(AuditSpool.REJECTED))).isEqualTo(torn + "\n");
        assertThat(restarted.isEmpty()).isTrue();
    }

    @Test
    void a_line_torn_inside_a_multi_byte_character_does_not_stop_the_drain() throws IOException {
        AuditRecord kept = record("kept");
        appendedBeforeACrash(kept);
        String text = json.writeValueAsString(record("रुपया"));
        byte[] line = text.getBytes(StandardCharsets.UTF_8);
        int cut = text.substring(0, text.indexOf("रु")).getBytes(StandardCharsets.UTF_8).length + 1; // inside a letter
        Files.write(dir.resolve(AuditSpool.ACTIVE), java.util.Arrays.copyOf(line, cut), StandardOpenOption.APPEND);

        assertThat(drainAll(spool())).containsExactly(kept);
        assertThat(Files.exists(dir.resolve(AuditSpool.REJECTED))).isTrue();
    }

    @Test
    void a_crash_during_a_drain_leaves_the_records_to_the_next_run() throws IOException {
        AuditRecord record = record("drained twice");
        try (AuditSpool crashed = AuditSpool.open(dir, json)) {
            crashed.append(record);
            assertThatThrownBy(() -> crashed.drain(batch -> {
                throw new IllegalStateException("killed after the insert, before the file was deleted");
            }, 10));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(name -> name.startsWith("audit-spool-draining-"));
        }

        AuditSpool restarted = spool();
        assertThat(restarted.isEmpty()).isFalse();
        restarted.append(record("new"));
        assertThat(drainAll(restarted)).extracting(r -> r.entry().reason()).containsExactly("drained twice", "new");
    }

    @Test
    void a_spool_directory_belongs_to_one_spool() {
        spool();

        assertThatThrownBy(() -> AuditSpool.open(dir, json)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already uses the audit spool directory");
    }
}
