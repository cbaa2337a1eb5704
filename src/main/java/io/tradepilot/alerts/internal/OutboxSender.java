package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.ChannelKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off the outbox: every {@code poll} (or at once when an alert is raised here) it claims due deliveries in
 * a short transaction ({@code FOR UPDATE SKIP LOCKED}, so any number of instances may run it and none claims what
 * another holds), sends each, and records the outcome — SENT; PENDING again after a backoff that doubles per
 * failed attempt; FAILED after the last attempt or a refusal no retry can fix. An outcome is recorded only while
 * the claim is still this sender's (status SENDING with the attempt number it claimed), so a sender that lost
 * its lease never overwrites a newer attempt. A sender that dies mid-send leaves its claim to run out; the
 * delivery is then due again (at least once; the receiver sees the same idempotency key).
 * A channel over its rate gets the delivery back, unattempted, when a slot frees up. A delivery to a channel an admin
 * switched off meanwhile is FAILED, not sent.
 */
final class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JooqAlertStore store;
    private final ChannelSecrets secrets;
    private final Map<ChannelKind, ChannelTransport> transports = new EnumMap<>(ChannelKind.class);
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AlertsProperties.Sender settings;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;
    private final DeliveryMetrics metrics;

    OutboxSender(JooqAlertStore store, ChannelSecrets secrets, List<ChannelTransport> transports,
                 TransactionTemplate transactions, Clock clock, AlertsProperties.Sender settings, DeliveryMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.secrets = secrets;
        transports.forEach(t -> this.transports.put(t.kind(), t));
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    /** Asks the worker to look for due deliveries now instead of at its next poll. */
    void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().daemon().name("alerts-outbox").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                int handled = sendDue();
                if (handled == 0) {
                    wakeUp.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("The alerts outbox could not be worked off ({}); trying again in {}", e.getClass().getSimpleName(), settings.poll());
                try {
                    Thread.sleep(settings.poll());
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    /** Claims and sends what is due now; answers how many deliveries it claimed. */
    int sendDue() {
        Instant now = clock.instant();
        List<JooqAlertStore.Claimed> claimed = transactions.execute(tx -> {
            List<JooqAlertStore.Claimed> sendable = new ArrayList<>();
            Map<Long, List<Instant>> sent = new HashMap<>();
            for (JooqAlertStore.Claimed c : store.claim(now, now.plus(settings.lease()), settings.batch())) {
                Optional<Instant> slot = rateSlot(c.channelId(), now, sent);
                if (slot.isPresent()) {
                    store.release(c, slot.get());
                } else {
                    sendable.add(c);
                }
            }
            return sendable;
        });
        for (JooqAlertStore.Claimed c : claimed) {
            if (!running && worker != null) {
                break;
            }
            sendOne(c);
        }
        return claimed.size();
    }

    /** Empty when the channel may send one more now, else when it may. Counts this batch's sends too. */
    private Optional<Instant> rateSlot(long channelId, Instant now, Map<Long, List<Instant>> sent) {
        Optional<JooqAlertStore.StoredChannel> channel = store.channel(channelId);
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        List<Instant> recent = sent.computeIfAbsent(channelId, id -> new ArrayList<>(store.sentSince(id, now.minusSeconds(60))));
        if (recent.size() >= channel.get().ratePerMinute()) {
            return Optional.of(recent.get(recent.size() - channel.get().ratePerMinute()).plusSeconds(60));
        }
        recent.add(now);
        return Optional.empty();
    }

    private void sendOne(JooqAlertStore.Claimed c) {
        Optional<OutgoingAlert> alert = transactions.execute(tx -> store.outgoing(c));
        Optional<JooqAlertStore.StoredChannel> stored = transactions.execute(tx -> store.channel(c.channelId()));
        if (alert.isEmpty() || stored.isEmpty()) {
            return;
        }
        if (!stored.get().enabled()) {
            Instant now = clock.instant();
            transactions.execute(tx -> store.markFailed(c, now, "the channel was switched off before the alert went out"));
            metrics.count(stored.get().kind(), DeliveryMetrics.Outcome.FAILED);
            return;
        }
        String error;
        boolean permanent;
        try {
            ChannelConfig channel = secrets.open(stored.get());
            ChannelTransport transport = transports.get(channel.kind());
            transport.send(channel, alert.get());
            Instant at = clock.instant();
            boolean recorded = Boolean.TRUE.equals(transactions.execute(tx -> store.markSent(c, at)));
            metrics.count(channel.kind(), DeliveryMetrics.Outcome.SENT);
            log.info("Alert #{} delivered to channel {} ({}) at attempt {}{}", alert.get().alertId(), channel.name(), channel.kind(),
                    c.attempts(), recorded ? "" : "; its claim had run out meanwhile");
            return;
        } catch (DeliveryFailure failure) {
            error = failure.getMessage();
            permanent = failure.permanent();
        } catch (RuntimeException e) {
            error = "could not send: " + e.getClass().getSimpleName();
            permanent = false;
        }
        Instant now = clock.instant();
        if (permanent || c.attempts() >= settings.maxAttempts()) {
            transactions.execute(tx -> store.markFailed(c, now, error));
            metrics.count(stored.get().kind(), DeliveryMetrics.Outcome.FAILED);
            log.warn("Alert #{} to channel {} FAILED after {} attempt(s): {}", c.alertId(), stored.get().name(), c.attempts(), error);
        } else {
            Instant due = now.plus(settings.backoffAfter(c.attempts()));
            transactions.execute(tx -> store.markRetry(c, due, error));
            metrics.count(stored.get().kind(), DeliveryMetrics.Outcome.RETRY);
            log.warn("Alert #{} to channel {} not delivered (attempt {}), retrying at {}: {}", c.alertId(), stored.get().name(),
                    c.attempts(), due, error);
        }
    }
}
