package io.tradepilot.brokers.kite;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.tradepilot.brokers.internal.QueuedVenue;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import io.tradepilot.engine.broker.ZerodhaCharges;
import io.tradepilot.engine.domain.Charges;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.engine.venue.ExecutionReport.VenueAccepted;
import io.tradepilot.engine.venue.ExecutionReport.VenueCancelRejected;
import io.tradepilot.engine.venue.ExecutionReport.VenueCancelled;
import io.tradepilot.engine.venue.ExecutionReport.VenueFilled;
import io.tradepilot.engine.venue.ExecutionReport.VenueModified;
import io.tradepilot.engine.venue.ExecutionReport.VenueModifyRejected;
import io.tradepilot.engine.venue.ExecutionReport.VenuePartiallyFilled;
import io.tradepilot.engine.venue.ExecutionReport.VenueRejected;
import io.tradepilot.engine.venue.ExecutionVenue;
import io.tradepilot.engine.venue.VenueOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The engine's {@link ExecutionVenue} for a Zerodha Kite account (regular variety, product CNC or MIS). The engine's
 * calls (on its writer thread) are queued on the adapter's one thread, which talks to Kite ({@link KiteClient}), hears
 * order updates (from the ticker, {@link #onOrderUpdate}) and polls the order book every
 * {@link KiteConfig#pollInterval()} while orders work; everything it learns becomes {@link ExecutionReport}s handed to the
 * engine's input, in the order learnt.
 *
 * <p><b>Identity.</b> Kite has no client order id: every order carries the {@link KiteTag} of the engine's client
 * order id (deterministic, 20 characters), and is found again by that tag in the day's order book.
 *
 * <p><b>Placement.</b> {@code submit} posts the order once. Kite's answer is only a receipt (an order id): the order is
 * {@link VenueAccepted} when Kite shows it {@code OPEN}, {@code TRIGGER PENDING}, filled or complete, and
 * {@link VenueRejected} with Kite's {@code status_message} when its risk checks reject it. A refusal (4xx), a request
 * that certainly never arrived, an expired token (login needed) give {@link VenueRejected}. An unknown outcome
 * (timeout, reset, 5xx, 429) is <b>resolved</b> after {@link KiteConfig#resolveDelay()} by looking the tag up — never by
 * sending again; unknown there means {@link VenueRejected} once a grace period has passed.
 *
 * <p><b>Executions.</b> Kite reports cumulative {@code filled_quantity} and {@code average_price}; each increase is one
 * execution: quantity = cum₂ − cum₁, price = (avg₂·cum₂ − notional reported so far) / quantity (exact, 8 decimals
 * half-even), commission = Zerodha's charges on it ({@link ZerodhaCharges}: delivery for CNC, intraday for MIS). When the
 * book shows fills the adapter did not see, it reads the order's history ({@code GET /orders/{id}}) and reports each
 * step separately (partial fills).
 *
 * <p><b>Cancel</b> {@code DELETE}s the order; a refusal first reports the order's current state (the fill that won
 * the race), then {@link VenueCancelRejected}. <b>Modify</b> changes the order in place ({@code PUT}, same order id):
 * {@link VenueModified} on Kite's success, {@link VenueModifyRejected} on its refusal.
 *
 * <p><b>Expired token.</b> A 403 {@code TokenException} marks the session "login needed" ({@link #loginNeeded()},
 * reported once to the listener): placements are rejected without a call, polling stops, nothing is retried until
 * {@link #accessToken} gives the next day's token. Broker failures are counted by the {@link BrokerCallGuard}; three
 * in a row signal {@code BROKER_ERRORS}.
 */
public final class KiteVenue extends QueuedVenue {

    private static final Logger log = LoggerFactory.getLogger(KiteVenue.class);

    private final KiteConfig config;
    private final KiteClient client;
    private final Clock clock;
    private final ZerodhaCharges charges;
    private final Consumer<String> onLoginNeeded;
    private volatile boolean loginNeeded;

    // adapter thread only
    private final Map<ClientOrderId, Tracked> orders = new HashMap<>();
    private final Map<String, Tracked> byTag = new HashMap<>();
    private final Map<String, ClientOrderId> tagToCid = new java.util.concurrent.ConcurrentHashMap<>();

    /** The adapter's book entry for one engine order. */
    private static final class Tracked {
        final ClientOrderId cid;
        final String tag;
        VenueOrder order;
        String kiteId;
        boolean acknowledged;
        Quantity reported = Quantity.ZERO;
        BigDecimal reportedNotional = BigDecimal.ZERO;
        boolean ended;
        Quantity quantity;         // the order's quantity (after confirmed modifications)
        long sentNanos;            // when a placement left without a usable answer (0: not by this process)

        Tracked(VenueOrder order) {
            this.cid = order.clientOrderId();
            this.tag = KiteTag.of(cid);
            this.order = order;
            this.kiteId = order.venueOrderId();
            this.quantity = order.request().quantity();
        }
    }

    /**
     * @param thread        the adapter's one thread (shared with the ticker of the same session)
     * @param onLoginNeeded told once each time Kite refuses the access token (the message says what failed)
     */
    public KiteVenue(KiteConfig config, KiteClient client, Clock clock, ScheduledExecutorService thread, Consumer<String> onLoginNeeded) {
        super(thread, config.requestTimeout(), config.answerTimeout(), config.resolveDelay());
        this.config = config;
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onLoginNeeded = Objects.requireNonNull(onLoginNeeded, "onLoginNeeded");
        this.charges = "CNC".equals(config.product()) ? ZerodhaCharges.delivery() : ZerodhaCharges.intraday();
        long poll = config.pollInterval().toMillis();
        thread.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
    }

    /** Gives the day's access token (after the login) and clears "login needed". */
    public void accessToken(String token) {
        client.accessToken(token);
        loginNeeded = false;
    }

    /** Whether Kite refused the access token: nothing is sent until the next login. */
    public boolean loginNeeded() {
        return loginNeeded || !client.hasAccessToken();
    }

    /** The engine's client order id behind a Kite tag, for orders this adapter has seen; empty for others. */
    public Optional<ClientOrderId> clientOrderIdOfTag(String tag) {
        return tag == null ? Optional.empty() : Optional.ofNullable(tagToCid.get(tag));
    }

    /** Zerodha's charges of one execution of this account's product, in INR. */
    public BigDecimal charges(Side side, BigDecimal quantity, BigDecimal price) {
        return charges.breakdown(side, quantity, price).total();
    }

    @Override
    protected void resolveNow(VenueOrder order) {
        refresh(track(order), true);
    }

    /** An order update from the ticker (adapter thread). Updates of orders this engine did not place are ignored. */
    void onOrderUpdate(KiteOrder o) {
        Tracked t = o.tag() != null ? byTag.get(o.tag()) : null;
        if (t == null || t.ended) return;
        apply(t, o); // cumulative quantity and average price: a missed update is folded into the next execution
    }

    /** After every (re)connect of the ticker: what each working order did meanwhile. */
    void backfillAll() {
        for (Tracked t : List.copyOf(orders.values())) {
            if (!t.ended) refresh(t, false);
        }
    }

    // ------------------------------------------------------------------ work (adapter thread)

    private Tracked track(VenueOrder order) {
        Tracked t = orders.computeIfAbsent(order.clientOrderId(), c -> new Tracked(order));
        t.order = order;
        byTag.put(t.tag, t);
        tagToCid.put(t.tag, t.cid);
        if (t.kiteId == null) t.kiteId = order.venueOrderId();
        if (order.filled().compareTo(t.reported) > 0) t.reported = order.filled(); // the engine knows more (a restart)
        return t;
    }

    @Override
    protected void place(VenueOrder order) {
        Tracked t = track(order);
        KiteOrderRequest request;
        try {
            request = KiteOrderRequest.of(order.request(), config.product());
        } catch (IllegalArgumentException invalid) {
            end(t, new VenueRejected(t.cid, invalid.getMessage()));
            return;
        }
        if (loginNeeded()) {
            end(t, new VenueRejected(t.cid, "not sent to Kite: login needed (the access token expired)"));
            return;
        }
        try {
            t.kiteId = client.placeOrder(request);
            later(() -> refresh(t, false)); // the order's fate (OPEN or REJECTED by Kite's checks) normally comes as an update
        } catch (KiteException e) {
            if (e.kind() == KiteException.Kind.TOKEN) tokenRefused(e);
            if (e.withoutEffect() && e.kind() != KiteException.Kind.RATE_LIMITED) {
                end(t, new VenueRejected(t.cid, e.getMessage()));
            } else {
                log.warn("Kite placement {} without a usable answer ({}); resolving by tag", t.cid, e.getMessage());
                if (!e.withoutEffect()) t.sentNanos = System.nanoTime();
                later(() -> refresh(t, true));
            }
        } catch (RequestNotPermitted | CallNotPermittedException notSent) {
            end(t, new VenueRejected(t.cid, "not sent to Kite: " + notSent.getMessage()));
        }
    }

    /**
     * Asks Kite about the order (its history by order id, else the order book by tag) and reports what the engine may
     * not know. With {@code unknownIsRejection}, an order Kite does not know is reported rejected (never arrived).
     */
    private Optional<KiteOrder> refresh(Tracked t, boolean unknownIsRejection) {
        if (loginNeeded) return Optional.empty();
        try {
            if (t.kiteId == null) {
                Optional<KiteOrder> found = client.orderByTag(t.tag);
                if (found.isEmpty()) {
                    if (unknownIsRejection && !t.acknowledged && t.reported.isZero() && !t.ended) {
                        if (t.sentNanos != 0 && System.nanoTime() - t.sentNanos < grace().toNanos()) {
                            later(() -> refresh(t, true)); // a placement that timed out may still be on its way in
                        } else {
                            end(t, new VenueRejected(t.cid, "Kite has no order tagged " + t.tag + ": the placement never arrived"));
                        }
                    }
                    return found;
                }
                t.kiteId = found.get().orderId();
            }
            List<KiteOrder> history = client.orderHistory(t.kiteId);
            for (KiteOrder step : history) apply(t, step);
            return history.isEmpty() ? Optional.empty() : Optional.of(history.getLast());
        } catch (KiteException e) {
            if (e.kind() == KiteException.Kind.TOKEN) tokenRefused(e);
            log.warn("Kite: cannot look up order {} ({}); the engine asks again after its answer timeout", t.cid, e.getMessage());
            return Optional.empty();
        } catch (RequestNotPermitted | CallNotPermittedException e) {
            log.warn("Kite: order {} not looked up ({})", t.cid, e.getMessage());
            return Optional.empty();
        }
    }

    /** Reports what {@code o} (one state of the order at Kite) shows beyond what was reported. */
    private void apply(Tracked t, KiteOrder o) {
        if (t.ended) return;
        if (o.orderId() != null) t.kiteId = o.orderId();
        String status = o.status() == null ? "" : o.status();
        boolean filled = o.filledQuantity().compareTo(t.reported.value()) > 0;
        if ("REJECTED".equals(status) && !t.acknowledged && t.reported.isZero() && !filled) {
            end(t, new VenueRejected(t.cid, "rejected by Kite: " + (o.statusMessage() == null ? "no reason given" : o.statusMessage())));
            return;
        }
        if (!t.acknowledged && (o.working() || filled || "COMPLETE".equals(status) || "CANCELLED".equals(status))) {
            t.acknowledged = true;
            report(new VenueAccepted(t.cid, t.kiteId));
        }
        if (filled && o.averagePrice() != null && o.averagePrice().signum() > 0) execution(t, o);
        switch (status) {
            case "CANCELLED" -> end(t, new VenueCancelled(t.cid, o.statusMessage() == null ? "cancelled at Kite" : o.statusMessage()));
            case "REJECTED" -> end(t, new VenueCancelled(t.cid, "rejected by Kite after it accepted the order: "
                    + (o.statusMessage() == null ? "no reason given" : o.statusMessage())));
            default -> { }
        }
    }

    private void execution(Tracked t, KiteOrder o) {
        BigDecimal cum = o.filledQuantity();
        BigDecimal qty = cum.subtract(t.reported.value());
        BigDecimal price = o.averagePrice().multiply(cum).subtract(t.reportedNotional)
                .divide(qty, 8, RoundingMode.HALF_EVEN).stripTrailingZeros();
        Side side = t.order.request().side();
        Charges itemised = charges.breakdown(side, qty, price).charges();
        Money commission = new Money(itemised.total(), Money.INR);
        Quantity cumulative = new Quantity(cum);
        Instant time = o.exchangeUpdateTimestamp() != null ? o.exchangeUpdateTimestamp() : clock.instant();
        ExecutionReport r = cumulative.compareTo(t.quantity) >= 0
                ? new VenueFilled(t.cid, new Quantity(qty), new Price(price), commission, cumulative, time, itemised)
                : new VenuePartiallyFilled(t.cid, new Quantity(qty), new Price(price), commission, cumulative, time, itemised);
        t.reported = cumulative;
        t.reportedNotional = t.reportedNotional.add(qty.multiply(price));
        if (r instanceof VenueFilled) t.ended = true;
        report(r);
    }

    private void end(Tracked t, ExecutionReport r) {
        if (t.ended) return;
        t.ended = true;
        report(r);
    }

    @Override
    protected void cancelNow(VenueOrder order) {
        Tracked t = track(order);
        if (t.kiteId == null) {
            refresh(t, false);
            if (t.kiteId == null) {
                report(new VenueCancelRejected(t.cid, "Kite order not found for cancel"));
                return;
            }
        }
        if (t.ended) return;
        try {
            client.cancelOrder(t.kiteId);
            later(() -> refresh(t, false)); // the confirmation normally comes as an order update
        } catch (KiteException e) {
            if (e.kind() == KiteException.Kind.TOKEN) tokenRefused(e);
            refresh(t, false); // first what won the race (a fill), then the refusal
            if (!t.ended) report(new VenueCancelRejected(t.cid, e.getMessage()));
        } catch (RequestNotPermitted | CallNotPermittedException notSent) {
            report(new VenueCancelRejected(t.cid, "cancel not sent to Kite: " + notSent.getMessage()));
        }
    }

    @Override
    protected void modifyNow(VenueOrder order, OrderRequest amended) {
        Tracked t = track(order);
        if (t.kiteId == null) {
            report(new VenueModifyRejected(t.cid, "Kite has not taken the order yet"));
            return;
        }
        KiteOrderRequest r;
        try {
            r = KiteOrderRequest.of(amended, config.product());
        } catch (IllegalArgumentException invalid) {
            report(new VenueModifyRejected(t.cid, invalid.getMessage()));
            return;
        }
        try {
            client.modifyOrder(t.kiteId, r.orderType(), r.quantity(), r.price(), r.triggerPrice());
            t.quantity = amended.quantity();
            report(new VenueModified(t.cid, amended.quantity(), amended.limitPrice(), amended.stopPrice()));
        } catch (KiteException e) {
            if (e.kind() == KiteException.Kind.TOKEN) tokenRefused(e);
            report(new VenueModifyRejected(t.cid, e.getMessage()));
        } catch (RequestNotPermitted | CallNotPermittedException notSent) {
            report(new VenueModifyRejected(t.cid, "modify not sent to Kite: " + notSent.getMessage()));
        }
    }

    /** Every poll: one read of the order book; orders that moved are followed up (their history when fills are new). */
    private void poll() {
        try {
            if (loginNeeded() || orders.values().stream().allMatch(t -> t.ended)) return;
            List<KiteOrder> book = client.orders();
            for (KiteOrder o : book) {
                Tracked t = o.tag() == null ? null : byTag.get(o.tag());
                if (t == null || t.ended) continue;
                if (o.filledQuantity().compareTo(t.reported.value()) > 0) {
                    t.kiteId = o.orderId();
                    refresh(t, false);
                } else {
                    apply(t, o);
                }
            }
        } catch (KiteException e) {
            if (e.kind() == KiteException.Kind.TOKEN) tokenRefused(e);
            else log.warn("Kite: order book poll failed ({})", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Kite: order book poll failed ({})", e.toString());
        }
    }

    private void tokenRefused(KiteException e) {
        if (loginNeeded) return;
        loginNeeded = true;
        log.warn("Kite refused the access token: login needed ({})", e.getMessage());
        try {
            onLoginNeeded.accept(e.getMessage());
        } catch (RuntimeException listenerFailed) {
            log.warn("Kite: the login-needed listener failed", listenerFailed);
        }
    }

    /** Stops the adapter's thread (queued work is dropped); the session that shares it closes it too. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
