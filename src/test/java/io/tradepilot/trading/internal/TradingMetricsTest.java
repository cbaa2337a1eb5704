package io.tradepilot.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderStatus;
import io.tradepilot.engine.risk.RejectionCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TradingMetricsTest {

    private static final Instant T = Instant.parse("2026-12-07T04:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TradingMetrics metrics = new TradingMetrics(registry);

    private double orders(String outcome) {
        return registry.get("tradepilot.orders").tag("outcome", outcome).counter().count();
    }

    private static EngineEvent.OrderFilled fill(String remaining, OrderStatus status) {
        return new EngineEvent.OrderFilled(T, new OrderId("O1"), new ClientOrderId("c1"), "AAA", Side.BUY,
                new Quantity(new BigDecimal("50")), new Price(new BigDecimal("100")),
                new Money(BigDecimal.ZERO, Currency.getInstance("INR")), new Quantity(new BigDecimal(remaining)), status);
    }

    @Test
    void every_meter_exists_from_the_start_at_zero() {
        assertThat(registry.get("tradepilot.bars").counter().count()).isZero();
        assertThat(registry.get("tradepilot.rejects").counters()).hasSize(RejectionCode.values().length);
        assertThat(registry.get("tradepilot.bar.to.order").timer().count()).isZero();
        assertThat(registry.get("tradepilot.ledger.write").timer().count()).isZero();
        assertThat(orders("accepted")).isZero();
    }

    @Test
    void committed_events_count_by_outcome_reason_and_fill() {
        metrics.barsIn(3);
        metrics.recorded(new EngineEvent.OrderRejected(T, new ClientOrderId("c2"), "AAA", RejectionCode.FAT_FINGER, "big"));
        metrics.recorded(new EngineEvent.OrderCancelled(T, new OrderId("O2"), "user"));
        metrics.recorded(fill("50", OrderStatus.PARTIALLY_FILLED));
        metrics.recorded(fill("0", OrderStatus.FILLED));
        metrics.recorded(new EngineEvent.DuplicateOrderIgnored(T, new ClientOrderId("c1"), new OrderId("O1")));

        assertThat(registry.get("tradepilot.bars").counter().count()).isEqualTo(3);
        assertThat(orders("rejected")).isEqualTo(1);
        assertThat(registry.get("tradepilot.rejects").tag("reason", "FAT_FINGER").counter().count()).isEqualTo(1);
        assertThat(orders("cancelled")).isEqualTo(1);
        assertThat(orders("duplicate")).isEqualTo(1);
        assertThat(registry.get("tradepilot.fills").counter().count()).isEqualTo(2);
        assertThat(orders("filled")).isEqualTo(1);
    }

    @Test
    void latencies_go_into_their_histograms() {
        metrics.barToOrder(TimeUnit.MILLISECONDS.toNanos(4));
        metrics.ledgerWrite(TimeUnit.MILLISECONDS.toNanos(6));
        assertThat(registry.get("tradepilot.bar.to.order").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(4);
        assertThat(registry.get("tradepilot.ledger.write").timer().count()).isEqualTo(1);
    }

    @Test
    void none_records_into_nothing_without_failing() {
        TradingMetrics.NONE.barsIn(1);
        TradingMetrics.NONE.recorded(fill("0", OrderStatus.FILLED));
    }
}
