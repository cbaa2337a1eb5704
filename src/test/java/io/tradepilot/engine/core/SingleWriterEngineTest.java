package io.tradepilot.engine.core;

import io.tradepilot.engine.domain.Money;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.tradepilot.engine.orders.OrderIdGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class SingleWriterEngineTest {

    @Test
    void commands_from_many_threads_are_applied_by_one_writer_and_a_snapshot_is_published() throws Exception {
        List<String> writerThreads = Collections.synchronizedList(new ArrayList<>());
        EngineEvents sink = e -> writerThreads.add(Thread.currentThread().getName());
        TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("1000", Money.USD)),
                Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC), OrderIdGenerator.sequential("O"), sink);
        List<Throwable> errors = new ArrayList<>();
        SingleWriterEngine live = new SingleWriterEngine(engine, r -> new Thread(r, "engine-writer"), errors::add);
        Thread[] senders = new Thread[4];
        for (int i = 0; i < senders.length; i++) {
            senders[i] = new Thread(() -> {
                for (int k = 0; k < 100; k++) {
                    live.accept(new EngineCommand.CancelOrder(new io.tradepilot.engine.orders.OrderId("X" + k), "unknown: one CancelRejected each"));
                }
            });
            senders[i].start();
        }
        for (Thread t : senders) t.join();
        live.accept(new EngineCommand.PlaceOrder(io.tradepilot.engine.orders.OrderRequest.market(
                new io.tradepilot.engine.orders.ClientOrderId("final"), io.tradepilot.engine.orders.StrategyId.MANUAL,
                io.tradepilot.engine.testing.Fixtures.AAPL, io.tradepilot.engine.domain.Side.BUY, io.tradepilot.engine.domain.Quantity.of(1))));
        live.close();
        assertThat(writerThreads).hasSize(401).allMatch("engine-writer"::equals);
        assertThat(live.latest().workingOrders()).as("the snapshot after the last command").hasSize(1);
        assertThat(errors).isEmpty();
    }

    @Test
    void a_query_runs_on_the_writer_after_the_commands_queued_before_it() throws Exception {
        TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("1000", Money.USD)),
                Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC), OrderIdGenerator.sequential("O"), EngineEvents.NONE);
        SingleWriterEngine live = new SingleWriterEngine(engine, r -> new Thread(r, "engine-writer"), e -> { });
        live.accept(new EngineCommand.PlaceOrder(io.tradepilot.engine.orders.OrderRequest.market(
                new io.tradepilot.engine.orders.ClientOrderId("k"), io.tradepilot.engine.orders.StrategyId.MANUAL,
                io.tradepilot.engine.testing.Fixtures.AAPL, io.tradepilot.engine.domain.Side.BUY, io.tradepilot.engine.domain.Quantity.of(1))));
        var answer = live.query(e -> Thread.currentThread().getName() + " " + e.workingCount());
        var failing = live.query(e -> { throw new IllegalArgumentException("bad question"); });
        assertThat(answer.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("engine-writer 1");
        assertThat(failing).failsWithin(java.time.Duration.ofSeconds(5)).withThrowableThat().withRootCauseInstanceOf(IllegalArgumentException.class);
        live.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> live.query(e -> 1)).isInstanceOf(IllegalStateException.class);
    }
}
