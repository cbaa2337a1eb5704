package io.tradepilot.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class OrderLogTest {

    private static final Instant T = Instant.parse("2026-12-07T04:00:00Z");
    private final Logger orders = (Logger) LoggerFactory.getLogger("io.tradepilot.trading.orders");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level before;

    @BeforeEach
    void capture() {
        before = orders.getLevel();
        lines.start();
        orders.addAppender(lines);
    }

    @AfterEach
    void release() {
        orders.detachAppender(lines);
        orders.setLevel(before);
    }

    private static EngineEvent.OrderFilled fill() {
        return new EngineEvent.OrderFilled(T, new OrderId("O7"), new ClientOrderId("sma:AAA:42"), "AAA", Side.BUY,
                new Quantity(new BigDecimal("100")), new Price(new BigDecimal("101.5")),
                new Money(new BigDecimal("0.5"), Currency.getInstance("INR")), new Quantity(BigDecimal.ZERO), OrderStatus.FILLED);
    }

    @Test
    void a_recorded_fill_and_rejection_carry_their_client_order_id_in_the_mdc_and_leave_it_clean() {
        orders.setLevel(Level.DEBUG);
        OrderLog.recorded(fill());
        OrderLog.recorded(new EngineEvent.OrderRejected(T, new ClientOrderId("manual:9"), "BBB", RejectionCode.FAT_FINGER, "too big"));

        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(0).getMDCPropertyMap()).containsEntry(OrderLog.KEY, "sma:AAA:42");
        assertThat(lines.list.get(0).getFormattedMessage()).contains("O7 filled BUY");
        assertThat(lines.list.get(1).getMDCPropertyMap()).containsEntry(OrderLog.KEY, "manual:9");
        assertThat(MDC.get(OrderLog.KEY)).isNull();
    }

    @Test
    void nothing_is_logged_or_put_in_the_mdc_while_debug_is_off() {
        orders.setLevel(Level.INFO);
        OrderLog.recorded(fill());
        assertThat(lines.list).isEmpty();
    }

    @Test
    void a_scope_sets_the_key_until_it_is_closed() {
        try (var ignored = OrderLog.scope(new ClientOrderId("manual:1"))) {
            assertThat(MDC.get(OrderLog.KEY)).isEqualTo("manual:1");
        }
        assertThat(MDC.get(OrderLog.KEY)).isNull();
    }
}
