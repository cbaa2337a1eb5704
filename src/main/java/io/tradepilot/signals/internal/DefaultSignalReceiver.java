package io.tradepilot.signals.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.controls.RefusalProblems;
import io.tradepilot.signals.QuantityMode;
import io.tradepilot.signals.SignalReceipt;
import io.tradepilot.signals.SignalReceiver;
import io.tradepilot.signals.SignalRefusal;
import io.tradepilot.trading.ActionResult;
import io.tradepilot.trading.ManualOrder;
import io.tradepilot.trading.StrategyOrders;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link SignalReceiver}: the checks in the documented order, then one market DAY order per ticker through
 * {@link StrategyOrders}; one {@code signal_event} row and one audit record ({@code SIGNAL_RECEIVED}, user
 * {@code strategy:<id>}, or {@code anonymous} when the secret did not match) per signal, whatever the outcome.
 */
class DefaultSignalReceiver implements SignalReceiver {

    static final String AUDIT_ACTION = "SIGNAL_RECEIVED";
    private static final Pattern SECRET_FIELD = Pattern.compile("(\"secret\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");

    private final JooqSignalStore store;
    private final StrategySecrets secrets;
    private final StrategyOrders orders;
    private final AuditLog audit;
    private final SignalsProperties properties;
    private final Clock clock;

    DefaultSignalReceiver(JooqSignalStore store, StrategySecrets secrets, StrategyOrders orders, AuditLog audit,
                          SignalsProperties properties, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.orders = orders;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public SignalReceipt receive(String strategyId, byte[] body, String secretParam, String signature, String clientAddress) {
        Instant received = clock.instant();
        Signal signal = new Signal(received, strategyId == null ? "" : strategyId, body, clientAddress);
        try {
            SignalReceipt receipt = process(signal, secretParam, signature);
            signal.finish("PLACED", null, String.join("; ", receipt.results()), receipt.orderIds(), AuditOutcome.SUCCESS);
            return new SignalReceipt(signal.id, receipt.orderIds(), receipt.results());
        } catch (SignalRefusal refusal) {
            String outcome = "MALFORMED_SIGNAL".equals(refusal.code()) || "MISSING_TIME".equals(refusal.code()) ? "MALFORMED" : "REFUSED";
            AuditOutcome audited = "BAD_SECRET".equals(refusal.code()) ? AuditOutcome.DENIED
                    : "RATE_LIMITED".equals(refusal.code()) ? AuditOutcome.RATE_LIMITED : AuditOutcome.FAILED;
            signal.finish(outcome, refusal.code(), refusal.getMessage(), List.of(), audited);
            throw refusal;
        }
    }

    private SignalReceipt process(Signal signal, String secretParam, String signature) {
        JooqSignalStore.StoredStrategy strategy = store.strategy(signal.strategyId)
                .orElseThrow(() -> new SignalRefusal(404, "UNKNOWN_STRATEGY", null, "No webhook strategy " + cut(signal.strategyId) + "."));
        JsonNode json = SignalPayloads.json(signal.body);
        String secret;
        try {
            secret = secrets.open(strategy.id(), strategy.sealedSecret());
        } catch (IllegalStateException e) {
            throw new SignalRefusal(503, "SECRET_UNAVAILABLE", null, "The strategy's secret cannot be opened (was TRADEPILOT_SECRETS_KEY changed?).");
        }
        boolean authentic = StrategySecrets.matches(secret, SignalPayloads.secret(json))
                || StrategySecrets.matches(secret, secretParam) || StrategySecrets.signed(secret, signal.body, signature);
        if (!authentic) {
            throw new SignalRefusal(401, "BAD_SECRET", "secret", "The strategy's secret is missing or wrong (body \"secret\", ?secret= or X-Signature).");
        }
        signal.authenticated = true;
        if (!strategy.enabled()) throw new SignalRefusal(409, "STRATEGY_DISABLED", null, "Strategy " + strategy.id() + " is disabled.");
        LocalDate today = LocalDate.ofInstant(signal.received, properties.zone());
        ParsedSignal parsed = SignalPayloads.parse(json, today, properties.zone());
        signal.parsed = parsed;
        Duration age = Duration.between(parsed.time(), signal.received).abs();
        Duration allowed = ParsedSignal.CHARTINK.equals(parsed.format())
                ? properties.replayWindow().plusMinutes(1) // ChartInk's time is to the minute
                : properties.replayWindow();
        if (age.compareTo(allowed) > 0) {
            throw new SignalRefusal(409, "STALE_SIGNAL", "time", "The signal's time " + parsed.time() + " is " + age.toSeconds()
                    + " s from now; at most " + allowed.toSeconds() + " s are allowed.");
        }
        if (!store.firstSeen(strategy.id(), signal.hash, signal.received)) {
            throw new SignalRefusal(409, "DUPLICATE_SIGNAL", null, "This payload was taken before; a replay is not traded again.");
        }
        if (!strategy.allowedActions().contains(parsed.action())) {
            throw new SignalRefusal(422, "ACTION_NOT_ALLOWED", "action", "Strategy " + strategy.id() + " does not take " + parsed.action()
                    + "; it takes " + strategy.allowedActions() + ".");
        }
        List<ManualOrder> planned = new ArrayList<>();
        for (ParsedSignal.Item item : parsed.items()) {
            String symbol = strategy.symbols().get(item.ticker());
            if (symbol == null) {
                throw new SignalRefusal(422, "UNKNOWN_SYMBOL", "ticker", "Ticker " + cut(item.ticker()) + " is not mapped to a traded symbol.");
            }
            BigDecimal quantity = quantity(strategy, item);
            planned.add(new ManualOrder(symbol, parsed.action().side().name(), quantity, "MARKET", null, null, "DAY"));
        }
        List<String> ids = new ArrayList<>();
        List<String> results = new ArrayList<>();
        Optional<io.tradepilot.controls.Refusal> firstRefusal = Optional.empty();
        for (ManualOrder order : planned) {
            ActionResult result = orders.place(strategy.id(), order, "signal " + parsed.format() + " " + parsed.action()
                    + " " + signal.hash.substring(0, 12), signal.clientAddress, properties.ordersPerMinute());
            switch (result) {
                case ActionResult.Done done -> {
                    ids.addAll(done.orderIds());
                    results.add(order.symbol() + ": accepted as " + String.join(",", done.orderIds()));
                }
                case ActionResult.Refused refused -> {
                    if (firstRefusal.isEmpty()) firstRefusal = Optional.of(refused.refusal());
                    results.add(order.symbol() + ": " + refused.refusal().code() + ": " + refused.refusal().message());
                }
            }
        }
        if (ids.isEmpty()) {
            io.tradepilot.controls.Refusal refusal = firstRefusal.orElseThrow();
            throw new SignalRefusal(RefusalProblems.status(refusal).value(), refusal.code().name(), null,
                    planned.size() == 1 ? refusal.message() : String.join("; ", results));
        }
        return new SignalReceipt(0, ids, results);
    }

    /** The order's quantity: the strategy's fixed one, or the risk amount over the stop distance at the signal's price. */
    static BigDecimal quantity(JooqSignalStore.StoredStrategy strategy, ParsedSignal.Item item) {
        if (strategy.quantityMode() == QuantityMode.FIXED) return strategy.quantity();
        if (item.price() == null) {
            throw new SignalRefusal(422, "PRICE_REQUIRED", "price", "Risk-based sizing needs the signal's price (\"price\": \"{{close}}\").");
        }
        BigDecimal perShare = item.price().multiply(strategy.stopPercent()).divide(BigDecimal.valueOf(100));
        BigDecimal quantity = strategy.riskAmount().divide(perShare, 0, RoundingMode.FLOOR);
        if (quantity.signum() <= 0) {
            throw new SignalRefusal(422, "ZERO_QUANTITY", "price", "Risking " + strategy.riskAmount().toPlainString() + " with a "
                    + strategy.stopPercent().toPlainString() + " % stop at " + item.price().toPlainString() + " buys nothing.");
        }
        return quantity;
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** One signal in flight: what it was, and its record once its outcome is known. */
    private final class Signal {
        final Instant received;
        final String strategyId;
        final byte[] body;
        final String clientAddress;
        final String hash;
        boolean authenticated;
        ParsedSignal parsed;
        long id;

        Signal(Instant received, String strategyId, byte[] body, String clientAddress) {
            this.received = received;
            this.strategyId = strategyId;
            this.body = body;
            this.clientAddress = clientAddress;
            this.hash = sha256(body);
        }

        void finish(String outcome, String code, String detail, List<String> orderIds, AuditOutcome audited) {
            String payload = SECRET_FIELD.matcher(new String(body, 0, Math.min(body.length, 16_000), StandardCharsets.UTF_8))
                    .replaceAll("$1***$3");
            id = store.record(new JooqSignalStore.NewSignal(received, strategyId, parsed == null ? null : parsed.format(), payload,
                    body.length, hash, parsed == null ? null : parsed.action().name(), parsed == null ? null : parsed.tickers(),
                    outcome, code, detail, orderIds, clientAddress));
            String auditDetail = (code == null ? outcome : outcome + " " + code) + (detail == null ? "" : ": " + detail)
                    + " (signal " + id + ")";
            audit.record(new AuditEntry(authenticated ? "strategy:" + cut(strategyId) : "anonymous", AUDIT_ACTION,
                    "strategy:" + cut(strategyId), null, audited, auditDetail.length() > 1000 ? auditDetail.substring(0, 1000) : auditDetail,
                    clientAddress));
        }
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
