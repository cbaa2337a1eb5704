package io.tradepilot.brokers.alpaca;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.tradepilot.brokers.BrokerErrors;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import io.tradepilot.brokers.internal.QueuedVenue;
import io.tradepilot.engine.core.EngineInput;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.engine.venue.ExecutionReport.VenueAccepted;
import io.tradepilot.engine.venue.ExecutionReport.VenueCancelRejected;
import io.tradepilot.engine.venue.ExecutionReport.VenueCancelled;
import io.tradepilot.engine.venue.ExecutionReport.VenueExpired;
import io.tradepilot.engine.venue.ExecutionReport.VenueFilled;
import io.tradepilot.engine.venue.ExecutionReport.VenueModified;
import io.tradepilot.engine.venue.ExecutionReport.VenueModifyRejected;
import io.tradepilot.engine.venue.ExecutionReport.VenuePartiallyFilled;
import io.tradepilot.engine.venue.ExecutionReport.VenueRejected;
import io.tradepilot.engine.venue.ExecutionVenue;
import io.tradepilot.engine.venue.VenueOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The engine's {@link ExecutionVenue} for an Alpaca account. The engine's calls (on its writer thread) are queued on
 * the adapter's one thread, which talks to Alpaca ({@link AlpacaClient}) and hears its {@code trade_updates}
 * ({@link TradeUpdatesStream}); everything the adapter learns becomes {@link ExecutionReport}s handed to the engine's
 * input, in the order learnt, one per command.
 *
 * <p><b>Placement.</b> {@code submit} posts the order once with the engine's client order id. Alpaca's answer gives
 * {@link VenueAccepted} (and whatever the returned order already shows); a refusal (4xx) {@link VenueRejected}; a
 * request that certainly never arrived (not reachable, local rate limit, breaker open) {@link VenueRejected}. When the
 * outcome is unknown (timeout or reset after sending, 5xx, 429) the order is <b>resolved</b> after
 * {@link AlpacaConfig#resolveDelay()}: looked up by client order id ({@code GET /v2/orders:by_client_order_id}), never
 * sent again; unknown there means {@link VenueRejected} — once a grace period (twice the request timeout, at least the
 * answer timeout) has passed since the placement left, as a request the client gave up on may still be on its way in.
 *
 * <p><b>Executions.</b> {@code partial_fill}/{@code fill} updates become executions with the event's {@code qty} and
 * {@code price}, the order's {@code filled_qty} as cumulative quantity and zero commission (Alpaca charges none on
 * equities). An update that does not continue what was reported (a missed execution) and every reconnect of the stream
 * trigger a back-fill: the order's state by client order id, the missing executions from the FILL activities, and its
 * end (cancelled, expired). Reports repeat harmlessly: the engine ignores what its cumulative quantities already count.
 *
 * <p><b>Cancel</b> {@code DELETE}s the order; Alpaca's refusal (422: already filled) gives the order's current state
 * first (the fill that won the race) and then {@link VenueCancelRejected}. <b>Modify</b> replaces the order
 * ({@code PATCH}, a new Alpaca order with client order id {@code <cid>#R<n>}); only unfilled orders (a partially
 * filled order is refused with {@link VenueModifyRejected}); {@link VenueModified} follows Alpaca's confirmation (the old
 * order {@code replaced}, or the replacement working), {@link VenueModifyRejected} its refusal (HTTP 4xx, the
 * replacement {@code rejected} — e.g. because the old order filled first, whose fill is reported — or
 * {@code order_replace_rejected}), after which the adapter follows the old order again.
 *
 * <p>Failures are counted by the {@link BrokerCallGuard}; three in a row signal {@link BrokerErrors}.
 */
public final class AlpacaVenue extends QueuedVenue {

    private static final Logger log = LoggerFactory.getLogger(AlpacaVenue.class);
    private static final Pattern REPLACEMENT = Pattern.compile("#R\\d+$");

    private final AlpacaConfig config;
    private final AlpacaClient client;
    private final BrokerCallGuard guard;
    private final Clock clock;
    private final TradeUpdatesStream stream;
    private final HttpClient http;

    private volatile int tradeUpdatesHandled;

    // adapter thread only
    private final Map<ClientOrderId, Tracked> orders = new HashMap<>();

    /** The adapter's book entry for one engine order. */
    private static final class Tracked {
        final ClientOrderId cid;
        VenueOrder order;
        String alpacaId;            // the live Alpaca order (a replacement's id after a modify)
        String alpacaClientOrderId; // cid, or cid#Rn after a modify
        boolean acknowledged;
        Quantity reported = Quantity.ZERO;
        BigDecimal reportedNotional = BigDecimal.ZERO;
        boolean ended;
        int replacements;
        String previousAlpacaId;    // the order a replacement replaces, followed again if the replacement fails
        String previousAlpacaClientOrderId;
        OrderRequest pendingAmend;  // a replacement Alpaca took but has not confirmed yet
        Quantity confirmedQuantity; // the order's quantity after a confirmed replacement
        long sentNanos;             // when the placement left without a usable answer (0: not by this process)

        Tracked(VenueOrder order) {
            this.cid = order.clientOrderId();
            this.order = order;
            this.alpacaClientOrderId = cid.value();
            this.alpacaId = order.venueOrderId();
        }
    }

    public AlpacaVenue(AlpacaConfig config, Clock clock, BrokerErrors signal) {
        super(Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("alpaca-venue").daemon(true).factory()),
                config.requestTimeout(), config.answerTimeout(), config.resolveDelay());
        this.config = config;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
        this.guard = new BrokerCallGuard("alpaca", config.guard(),
                e -> e instanceof AlpacaException a && a.brokerFailure(),
                e -> e instanceof AlpacaException a && a.retryable(), signal);
        this.client = new AlpacaClient(http, config, guard);
        this.stream = config.streamUrl() == null ? null
                : new TradeUpdatesStream(http, config, thread, this::onTradeUpdate, this::backfillAll);
    }

    /**
     * Starts delivering reports to {@code engine} (reports learnt before are delivered first) and opens the
     * {@code trade_updates} stream when one is configured.
     */
    @Override
    public void start(EngineInput engine) {
        super.start(engine);
        if (stream != null) stream.start();
    }

    /** The REST client (account, positions, activities) for the host's connection checks and reconciliation. */
    public AlpacaClient client() {
        return client;
    }

    /** The trade_updates stream is subscribed now (false without a stream). */
    public boolean streamListening() {
        return stream != null && stream.listening();
    }

    /** Whether three consecutive broker failures opened the breaker (calls refused for a while). */
    public boolean brokerFailing() {
        return guard.open();
    }

    /** Requests left in the current minute under Alpaca's rate limit. */
    public int rateLimitHeadroom() {
        return guard.headroom();
    }

    @Override
    protected void resolveNow(VenueOrder order) {
        refresh(track(order), true);
    }

    // ------------------------------------------------------------------ work (adapter thread)

    private Tracked track(VenueOrder order) {
        Tracked t = orders.computeIfAbsent(order.clientOrderId(), c -> new Tracked(order));
        t.order = order;
        if (t.alpacaId == null) t.alpacaId = order.venueOrderId();
        if (order.filled().compareTo(t.reported) > 0) t.reported = order.filled(); // the engine knows more (a restart)
        return t;
    }

    @Override
    protected void place(VenueOrder order) {
        Tracked t = track(order);
        AlpacaOrderRequest request;
        try {
            request = AlpacaOrderRequest.of(order.request());
        } catch (IllegalArgumentException invalid) {
            report(new VenueRejected(t.cid, invalid.getMessage()));
            return;
        }
        try {
            apply(t, client.placeOrder(request));
        } catch (AlpacaException e) {
            if (e.kind() == AlpacaException.Kind.REFUSED || e.kind() == AlpacaException.Kind.NOT_SENT) {
                report(new VenueRejected(t.cid, e.getMessage()));
            } else {
                log.warn("Alpaca placement {} without a usable answer ({}); resolving by client order id", t.cid, e.getMessage());
                if (!e.withoutEffect()) t.sentNanos = System.nanoTime(); // a 429 was certainly not processed
                later(() -> refresh(t, true));
            }
        } catch (RequestNotPermitted | CallNotPermittedException notSent) {
            report(new VenueRejected(t.cid, "not sent to Alpaca: " + notSent.getMessage()));
        }
    }

    /**
     * Asks Alpaca about the order by client order id and reports what the engine may not know. With
     * {@code unknownIsRejection}, an order Alpaca does not know is reported rejected (the placement never arrived).
     * Returns the order, if it could be read.
     */
    private Optional<AlpacaOrder> refresh(Tracked t, boolean unknownIsRejection) {
        try {
            Optional<AlpacaOrder> found = client.orderByClientOrderId(t.alpacaClientOrderId);
            if (found.isEmpty()) {
                if (unknownIsRejection && !t.acknowledged && t.reported.isZero()) {
                    if (t.sentNanos != 0 && System.nanoTime() - t.sentNanos < grace().toNanos()) {
                        // a placement that timed out may still be on its way in: ask again before calling it lost
                        later(() -> refresh(t, true));
                    } else {
                        report(new VenueRejected(t.cid, "Alpaca does not know client order id " + t.alpacaClientOrderId + ": the placement never arrived"));
                        t.ended = true;
                    }
                }
                return found;
            }
            apply(t, found.get());
            return found;
        } catch (AlpacaException | RequestNotPermitted | CallNotPermittedException e) {
            log.warn("Alpaca: cannot look up order {} ({}); the engine asks again after its answer timeout", t.cid, e.getMessage());
            return Optional.empty();
        }
    }

    /** Reports what {@code o} (Alpaca's current view of the order) shows beyond what was reported. */
    private void apply(Tracked t, AlpacaOrder o) {
        t.alpacaId = o.id();
        if (!t.acknowledged && !isReplacement(o.clientOrderId())) {
            t.acknowledged = true;
            report(new VenueAccepted(t.cid, o.id()));
        }
        if (isReplacement(o.clientOrderId()) && o.clientOrderId().equals(t.alpacaClientOrderId) && !"rejected".equals(o.status())) {
            replacementConfirmed(t);
        }
        if (o.filledQty().compareTo(t.reported.value()) > 0) backfill(t, o);
        switch (o.status()) {
            case "canceled" -> end(t, new VenueCancelled(t.cid, "cancelled at Alpaca"));
            case "expired" -> end(t, new VenueExpired(t.cid, "expired at Alpaca"));
            case "rejected" -> {
                if (isReplacement(o.clientOrderId())) replacementFailed(t, o, "Alpaca rejected the replacement");
                else end(t, rejection(t));
            }
            default -> { }
        }
    }

    /** Reports the executions of {@code o} after {@code t.reported}: from the FILL activities, else one for the rest. */
    private void backfill(Tracked t, AlpacaOrder o) {
        Instant since = (o.submittedAt() != null ? o.submittedAt() : o.createdAt() != null ? o.createdAt() : clock.instant().minus(Duration.ofDays(1)))
                .minusSeconds(1);
        List<AlpacaFill> fills;
        try {
            fills = client.fills(since).stream().filter(f -> o.id().equals(f.orderId()) && f.cumQty() != null)
                    .sorted(Comparator.comparing(AlpacaFill::cumQty)).toList();
        } catch (AlpacaException | RequestNotPermitted | CallNotPermittedException e) {
            log.warn("Alpaca: cannot read fill activities for {} ({}); using the order's average price", t.cid, e.getMessage());
            fills = List.of();
        }
        for (AlpacaFill f : fills) {
            if (f.cumQty().compareTo(t.reported.value()) <= 0 || f.cumQty().compareTo(o.filledQty()) > 0) continue;
            execution(t, f.cumQty().subtract(t.reported.value()), f.price(), f.cumQty(),
                    f.transactionTime() != null ? f.transactionTime() : clock.instant());
        }
        BigDecimal rest = o.filledQty().subtract(t.reported.value());
        if (rest.signum() > 0 && o.filledAvgPrice() != null) {
            // activities lag behind: the rest at the price that makes the order's average come out right
            BigDecimal price = o.filledAvgPrice().multiply(o.filledQty()).subtract(t.reportedNotional)
                    .divide(rest, 8, RoundingMode.HALF_EVEN).stripTrailingZeros();
            execution(t, rest, price, o.filledQty(), o.updatedAt() != null ? o.updatedAt() : clock.instant());
        }
    }

    private void execution(Tracked t, BigDecimal qty, BigDecimal price, BigDecimal cumulative, Instant time) {
        Money zero = Money.zero(t.order.request().instrument().currency());
        Quantity cum = new Quantity(cumulative);
        Quantity ordered = t.confirmedQuantity != null ? t.confirmedQuantity : t.order.request().quantity();
        ExecutionReport r = cum.compareTo(ordered) >= 0
                ? new VenueFilled(t.cid, new Quantity(qty), new Price(price), zero, cum, time)
                : new VenuePartiallyFilled(t.cid, new Quantity(qty), new Price(price), zero, cum, time);
        t.reported = cum;
        t.reportedNotional = t.reportedNotional.add(qty.multiply(price));
        if (r instanceof VenueFilled) t.ended = true;
        report(r);
    }

    private void end(Tracked t, ExecutionReport r) {
        t.ended = true;
        report(r);
    }

    @Override
    protected void cancelNow(VenueOrder order) {
        Tracked t = track(order);
        if (t.alpacaId == null) {
            Optional<AlpacaOrder> o = refresh(t, false);
            if (o.isEmpty()) {
                report(new VenueCancelRejected(t.cid, "Alpaca order not found for cancel"));
                return;
            }
        }
        if (t.ended) return; // it ended meanwhile: the engine has the report
        try {
            client.cancelOrder(t.alpacaId);
            later(() -> refresh(t, false)); // the confirmation normally comes on the stream; this covers a missing one
        } catch (AlpacaException e) {
            refresh(t, false); // first what won the race (a fill), then the refusal
            if (!t.ended) report(new VenueCancelRejected(t.cid, e.getMessage()));
        } catch (RequestNotPermitted | CallNotPermittedException notSent) {
            report(new VenueCancelRejected(t.cid, "cancel not sent to Alpaca: " + notSent.getMessage()));
        }
    }

    @Override
    protected void modifyNow(VenueOrder order, OrderRequest amended) {
        Tracked t = track(order);
        if (!t.reported.isZero() || !order.filled().isZero()) {
            report(new VenueModifyRejected(t.cid, "Alpaca replaces an order by a new one: a partially filled order is not modified here"));
            return;
        }
        if (t.alpacaId == null) {
            report(new VenueModifyRejected(t.cid, "Alpaca has not acknowledged the order yet"));
            return;
        }
        String newCid = t.cid.value() + "#R" + (t.replacements + 1);
        if (newCid.length() > AlpacaOrderRequest.MAX_CLIENT_ORDER_ID) {
            report(new VenueModifyRejected(t.cid, "client order id too long for a replacement"));
            return;
        }
        try {
            AlpacaOrder replacement = client.replaceOrder(t.alpacaId, amended.quantity().value(),
                    amended.limitPrice() == null ? null : amended.limitPrice().value(),
                    amended.stopPrice() == null ? null : amended.stopPrice().value(), newCid);
            t.replacements++;
            t.previousAlpacaId = t.alpacaId;
            t.previousAlpacaClientOrderId = t.alpacaClientOrderId;
            t.alpacaId = replacement.id();
            t.alpacaClientOrderId = newCid;
            t.pendingAmend = amended;
            later(() -> refresh(t, false)); // confirmation normally comes on the stream; this covers a missing one
        } catch (AlpacaException | RequestNotPermitted | CallNotPermittedException e) {
            report(new VenueModifyRejected(t.cid, e.getMessage()));
        }
    }

    /** One {@code trade_updates} message's data (adapter thread). */
    private void onTradeUpdate(JsonNode data) {
        try {
            handle(data);
        } finally {
            tradeUpdatesHandled++;
        }
    }

    private void handle(JsonNode data) {
        String event = AlpacaClient.text(data, "event");
        JsonNode orderNode = data.get("order");
        if (event == null || orderNode == null) return;
        AlpacaOrder o = AlpacaClient.order(orderNode);
        if (o.clientOrderId() == null) return;
        Tracked t = orders.get(new ClientOrderId(REPLACEMENT.matcher(o.clientOrderId()).replaceFirst("")));
        if (t == null) return; // not an order of this engine (placed elsewhere): reconciliation's business
        boolean replacement = isReplacement(o.clientOrderId());
        // events of an earlier incarnation (the order before a replace) still count: its fill may have won the race
        boolean current = o.clientOrderId().equals(t.alpacaClientOrderId);
        switch (event) {
            case "new", "accepted" -> {
                if (current) t.alpacaId = o.id();
                if (current && replacement) replacementConfirmed(t);
                if (!t.acknowledged && !replacement) {
                    t.acknowledged = true;
                    report(new VenueAccepted(t.cid, o.id()));
                }
            }
            case "partial_fill", "fill" -> {
                BigDecimal cum = o.filledQty();
                if (cum.compareTo(t.reported.value()) <= 0) return; // already reported (a replay, or back-filled)
                BigDecimal qty = AlpacaClient.decimal(data, "qty");
                BigDecimal price = AlpacaClient.decimal(data, "price");
                if (qty == null) qty = cum.subtract(t.reported.value());
                if (price == null || t.reported.value().add(qty).compareTo(cum) != 0) {
                    backfill(t, o); // an execution is missing (or the event is incomplete): take them from the activities
                    return;
                }
                if (!t.acknowledged && !replacement) {
                    t.acknowledged = true;
                    report(new VenueAccepted(t.cid, o.id()));
                }
                Instant time = AlpacaClient.instant(data, "timestamp");
                execution(t, qty, price, cum, time != null ? time : clock.instant());
            }
            case "canceled" -> end(t, new VenueCancelled(t.cid, "cancelled at Alpaca"));
            case "expired" -> end(t, new VenueExpired(t.cid, "expired at Alpaca"));
            case "rejected" -> {
                if (replacement) replacementFailed(t, o, "Alpaca rejected the replacement");
                else end(t, rejection(t));
            }
            case "replaced" -> replacementConfirmed(t);
            case "order_cancel_rejected" -> report(new VenueCancelRejected(t.cid, "Alpaca refused the cancel"));
            case "order_replace_rejected" -> replacementFailed(t, o, "Alpaca refused the replacement");
            default -> { } // pending_new, pending_cancel, pending_replace, done_for_day, calculated, ...: no report
        }
    }

    /**
     * A replacement did not take (rejected, refused): the order before it goes on working at Alpaca, so the adapter
     * follows that one again, and the engine hears {@link VenueModifyRejected} (it has already applied the
     * modification Alpaca's PATCH answer confirmed; reconciliation sees the difference in prices).
     */
    private void replacementFailed(Tracked t, AlpacaOrder o, String reason) {
        if (t.previousAlpacaClientOrderId != null) {
            t.alpacaId = t.previousAlpacaId;
            t.alpacaClientOrderId = t.previousAlpacaClientOrderId;
            t.previousAlpacaId = null;
            t.previousAlpacaClientOrderId = null;
        }
        t.pendingAmend = null;
        if (!t.ended) report(new VenueModifyRejected(t.cid, reason)); // an ended order has nothing left to modify
    }

    /** Alpaca confirmed the replacement (it replaced the old order, or the new one works): the engine hears VenueModified once. */
    private void replacementConfirmed(Tracked t) {
        OrderRequest amended = t.pendingAmend;
        if (amended == null) return;
        t.pendingAmend = null;
        t.previousAlpacaId = null;
        t.previousAlpacaClientOrderId = null;
        t.confirmedQuantity = amended.quantity();
        report(new VenueModified(t.cid, amended.quantity(), amended.limitPrice(), amended.stopPrice()));
    }

    /**
     * Alpaca rejected the order: before it acknowledged or filled anything a rejection; after that (an exchange's
     * late refusal) the order simply stopped working, which the engine knows as a cancellation with the reason.
     */
    private static ExecutionReport rejection(Tracked t) {
        return !t.acknowledged && t.reported.isZero()
                ? new VenueRejected(t.cid, "rejected by Alpaca")
                : new VenueCancelled(t.cid, "rejected by Alpaca after it accepted the order");
    }

    /** After every (re)subscription of the stream: what each working order did while the stream was away. */
    private void backfillAll() {
        for (Tracked t : List.copyOf(orders.values())) {
            if (!t.ended) refresh(t, false);
        }
    }

    private static boolean isReplacement(String alpacaClientOrderId) {
        return alpacaClientOrderId != null && REPLACEMENT.matcher(alpacaClientOrderId).find();
    }

    /** How many trade_updates messages the adapter has handled (tests wait on it). */
    int tradeUpdatesHandled() {
        return tradeUpdatesHandled;
    }

    /** Closes the stream and stops the adapter's thread (queued work is dropped). */
    @Override
    public void close() {
        if (stream != null) stream.close();
        thread.shutdownNow();
        http.shutdownNow();
    }
}
