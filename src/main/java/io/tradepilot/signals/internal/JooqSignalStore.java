package io.tradepilot.signals.internal;

import static io.tradepilot.db.Tables.SIGNAL_EVENT;
import static io.tradepilot.db.Tables.SIGNAL_SEEN;
import static io.tradepilot.db.Tables.SIGNAL_STRATEGY;

import io.tradepilot.signals.QuantityMode;
import io.tradepilot.signals.SignalAction;
import io.tradepilot.signals.SignalEntry;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The webhook strategies, the signals received and the payloads already taken (PostgreSQL, jOOQ). */
class JooqSignalStore {

    /** A strategy as stored, with its sealed secret. */
    record StoredStrategy(String id, String name, String sealedSecret, Map<String, String> symbols, QuantityMode quantityMode,
                          BigDecimal quantity, BigDecimal riskAmount, BigDecimal stopPercent, Set<SignalAction> allowedActions,
                          boolean enabled, String updatedBy, Instant updatedAt) {
    }

    /** One signal to record. */
    record NewSignal(Instant receivedAt, String strategyId, String format, String payload, int payloadSize, String payloadHash,
                     String action, String symbols, String outcome, String code, String detail, List<String> orderIds,
                     String clientAddress) {
    }

    private final DSLContext db;

    JooqSignalStore(DSLContext db) {
        this.db = db;
    }

    Optional<StoredStrategy> strategy(String id) {
        return db.selectFrom(SIGNAL_STRATEGY).where(SIGNAL_STRATEGY.ID.eq(id)).fetchOptional().map(JooqSignalStore::strategy);
    }

    List<StoredStrategy> strategies() {
        return db.selectFrom(SIGNAL_STRATEGY).orderBy(SIGNAL_STRATEGY.ID).fetch().map(JooqSignalStore::strategy);
    }

    /** Inserts {@code s}; false when its id is taken. */
    boolean insert(StoredStrategy s, String createdBy) {
        Instant at = s.updatedAt();
        return db.insertInto(SIGNAL_STRATEGY)
                .set(SIGNAL_STRATEGY.ID, s.id())
                .set(SIGNAL_STRATEGY.NAME, s.name())
                .set(SIGNAL_STRATEGY.SECRET, s.sealedSecret())
                .set(SIGNAL_STRATEGY.SYMBOL_MAP, symbolMap(s.symbols()))
                .set(SIGNAL_STRATEGY.QUANTITY_MODE, s.quantityMode().name())
                .set(SIGNAL_STRATEGY.QUANTITY, s.quantity())
                .set(SIGNAL_STRATEGY.RISK_AMOUNT, s.riskAmount())
                .set(SIGNAL_STRATEGY.STOP_PERCENT, s.stopPercent())
                .set(SIGNAL_STRATEGY.ALLOWED_ACTIONS, s.allowedActions().stream().sorted().map(Enum::name).collect(Collectors.joining(",")))
                .set(SIGNAL_STRATEGY.ENABLED, s.enabled())
                .set(SIGNAL_STRATEGY.CREATED_BY, createdBy)
                .set(SIGNAL_STRATEGY.CREATED_AT, at)
                .set(SIGNAL_STRATEGY.UPDATED_BY, s.updatedBy())
                .set(SIGNAL_STRATEGY.UPDATED_AT, at)
                .onConflictDoNothing()
                .execute() == 1;
    }

    boolean setEnabled(String id, boolean enabled, String by, Instant at) {
        return db.update(SIGNAL_STRATEGY).set(SIGNAL_STRATEGY.ENABLED, enabled).set(SIGNAL_STRATEGY.UPDATED_BY, by)
                .set(SIGNAL_STRATEGY.UPDATED_AT, at).where(SIGNAL_STRATEGY.ID.eq(id)).execute() == 1;
    }

    /** Marks {@code hash} taken for {@code strategyId}; false when it was taken before (a replay). */
    boolean firstSeen(String strategyId, String hash, Instant at) {
        return db.insertInto(SIGNAL_SEEN).set(SIGNAL_SEEN.STRATEGY_ID, strategyId).set(SIGNAL_SEEN.PAYLOAD_HASH, hash)
                .set(SIGNAL_SEEN.SEEN_AT, at).onConflictDoNothing().execute() == 1;
    }

    long record(NewSignal s) {
        return db.insertInto(SIGNAL_EVENT)
                .set(SIGNAL_EVENT.RECEIVED_AT, s.receivedAt())
                .set(SIGNAL_EVENT.STRATEGY_ID, cut(s.strategyId(), 100))
                .set(SIGNAL_EVENT.FORMAT, s.format())
                .set(SIGNAL_EVENT.PAYLOAD, cut(s.payload(), 4000))
                .set(SIGNAL_EVENT.PAYLOAD_SIZE, s.payloadSize())
                .set(SIGNAL_EVENT.PAYLOAD_HASH, s.payloadHash())
                .set(SIGNAL_EVENT.ACTION, s.action())
                .set(SIGNAL_EVENT.SYMBOLS, cut(s.symbols(), 400))
                .set(SIGNAL_EVENT.OUTCOME, s.outcome())
                .set(SIGNAL_EVENT.CODE, cut(s.code(), 40))
                .set(SIGNAL_EVENT.DETAIL, cut(s.detail(), 1000))
                .set(SIGNAL_EVENT.ORDER_IDS, s.orderIds().isEmpty() ? null : cut(String.join(",", s.orderIds()), 1000))
                .set(SIGNAL_EVENT.CLIENT_ADDRESS, cut(s.clientAddress(), 64))
                .returning(SIGNAL_EVENT.ID).fetchOne().getId();
    }

    List<SignalEntry> latest(int limit) {
        return db.selectFrom(SIGNAL_EVENT).orderBy(SIGNAL_EVENT.RECEIVED_AT.desc(), SIGNAL_EVENT.ID.desc()).limit(limit).fetch()
                .map(r -> new SignalEntry(r.getId(), r.getReceivedAt(), r.getStrategyId(), r.getFormat(), r.getAction(),
                        r.getSymbols(), r.getOutcome(), r.getCode(), r.getDetail(),
                        r.getOrderIds() == null ? List.of() : List.of(r.getOrderIds().split(",")), r.getPayload(), r.getPayloadSize()));
    }

    private static StoredStrategy strategy(Record r) {
        var s = r.into(SIGNAL_STRATEGY);
        Set<SignalAction> actions = EnumSet.noneOf(SignalAction.class);
        Arrays.stream(s.getAllowedActions().split(",")).filter(a -> !a.isBlank()).map(SignalAction::valueOf).forEach(actions::add);
        return new StoredStrategy(s.getId(), s.getName(), s.getSecret(), symbols(s.getSymbolMap()), QuantityMode.valueOf(s.getQuantityMode()),
                s.getQuantity(), s.getRiskAmount(), s.getStopPercent(), actions, s.getEnabled(), s.getUpdatedBy(),
                s.getUpdatedAt());
    }

    static String symbolMap(Map<String, String> symbols) {
        return symbols.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    static Map<String, String> symbols(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) out.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return out;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
