package io.tradepilot.trading.ui;

import io.tradepilot.base.live.LiveFeed;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.EquityPoint;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.StrategyDay;
import io.tradepilot.trading.StrategyStatus;
import io.tradepilot.trading.TradingAction;
import io.tradepilot.trading.TradingQueries;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the trading views offer each role (the server authorizes regardless). */
class TradingViewsTest {

    private static final LedgerOrder WORKING = new LedgerOrder("O1", "sma-cross-1", "sma-cross", "SYNTH-ALPHA", "BUY",
            new BigDecimal("100"), "LIMIT", new BigDecimal("99.5"), null, "DAY", "ACCEPTED", BigDecimal.ZERO, null,
            Instant.parse("2025-03-03T04:00:00Z"), Instant.parse("2025-03-03T04:00:00Z"));

    private final FakeTrading trading = new FakeTrading();
    private final TradingQueries queries = new TradingQueries() {
        @Override public List<LedgerPosition> openPositions() {
            return List.of(new LedgerPosition("SYNTH-ALPHA", new BigDecimal("100"), new BigDecimal("101.25"), BigDecimal.ZERO, Instant.EPOCH));
        }
        @Override public List<LedgerOrder> orders(boolean workingOnly, int limit) { return List.of(WORKING); }
        @Override public List<EquityPoint> equity(int limit) { return List.of(); }
        @Override public List<io.tradepilot.trading.OrderFill> fills(String orderId) {
            return WORKING.orderId().equals(orderId) ? List.of(new io.tradepilot.trading.OrderFill(7, orderId, "SYNTH-ALPHA", "BUY",
                    new BigDecimal("40"), new BigDecimal("99.5"), new BigDecimal("1.25"), null, Instant.parse("2025-03-03T04:01:00Z"),
                    new java.util.TreeMap<>(Map.of("BROKERAGE", new BigDecimal("1.00"), "GST", new BigDecimal("0.25")))))
                    : List.of();
        }
        @Override public Optional<EquityPoint> equityAt(Instant at) { return Optional.empty(); }
        @Override public List<StrategyDay> strategyDays(LocalDate from, LocalDate to) { return List.of(); }
        @Override public Optional<LivePortfolio> livePortfolio() { return Optional.empty(); }
        @Override public EngineStatus status() { return new EngineStatus("STANDBY", null, null, 0); }
    };
    private final LiveFeed<TradingBoard> feed = new LiveFeed<>("test-board", () -> TradingBoard.read(queries, "INR"),
            Duration.ofSeconds(1));

    private PositionsView positions(java.util.Set<TradingAction> permitted) {
        trading.permitted = permitted;
        return new PositionsView(queries, trading, feed, "INR");
    }

    @Test
    void a_viewer_is_offered_no_change_on_any_trading_view() {
        var viewer = EnumSet.noneOf(TradingAction.class);
        var positionsView = positions(viewer);
        trading.permitted = viewer;
        var orders = new OrdersView(queries, trading, trading, feed, "INR");
        trading.strategies = List.of(strategy(true));
        var strategies = new StrategiesView(trading, trading, "INR");

        assertThat(positionsView.flatten.isVisible()).isFalse();
        assertThat(positionsView.grid.getColumns()).hasSize(6);
        assertThat(orders.newOrder.isVisible()).isFalse();
        assertThat(orders.cancelAll.isVisible()).isFalse();
        assertThat(orders.working.getColumns()).hasSize(11);
        assertThat(strategies.grid.getColumns()).hasSize(8);
    }

    @Test
    void an_orders_details_row_shows_its_fills_with_price_quantity_fee_charges_by_kind_and_time_and_the_reason_in_full() {
        var cancelled = new LedgerOrder("O-9", "manual:x", "manual", "SYNTH-ALPHA", "BUY", new BigDecimal("100"), "LIMIT",
                new BigDecimal("99.5"), null, "DAY", "CANCELLED", new BigDecimal("40"), "r".repeat(300),
                Instant.parse("2025-03-03T04:00:00Z"), Instant.parse("2025-03-03T04:05:00Z"));
        var details = (com.vaadin.flow.component.orderedlayout.VerticalLayout) OrdersView.details(cancelled, queries.fills(WORKING.orderId()));
        assertThat(details.getId()).contains("order-details-O-9");
        assertThat(((com.vaadin.flow.component.html.Span) details.getComponentAt(0)).getText()).isEqualTo("Reason: " + "r".repeat(300));
        @SuppressWarnings("unchecked")
        var fills = (com.vaadin.flow.component.grid.Grid<io.tradepilot.trading.OrderFill>) details.getComponentAt(1);
        assertThat(fills.getColumns()).extracting(c -> c.getHeaderText())
                .containsExactly("Time", "Qty", "Price", "Fee", "Charges by kind", "Protective stop");
        assertThat(fills.getListDataView().getItems().toList()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo("99.5");
            assertThat(f.commission()).isEqualByComparingTo("1.25");
            assertThat(io.tradepilot.base.format.Amounts.charges(f.charges())).isEqualTo("Brokerage 1.00 · GST 0.25");
        });
        assertThat(io.tradepilot.base.format.Amounts.charges(Map.of("COMMISSION", new BigDecimal("1.25")))).as("unitemised").isEqualTo("1.25");
        var none = (com.vaadin.flow.component.orderedlayout.VerticalLayout) OrdersView.details(WORKING, List.of());
        assertThat(((com.vaadin.flow.component.html.Span) none.getComponentAt(0)).getText()).isEqualTo("No fills.");
    }

    @Test
    void an_operator_may_close_cancel_and_order_but_is_not_offered_flatten() {
        var operator = EnumSet.complementOf(EnumSet.of(TradingAction.FLATTEN_ALL));
        var positionsView = positions(operator);
        var orders = new OrdersView(queries, trading, trading, feed, "INR");
        trading.strategies = List.of(strategy(true));
        var strategies = new StrategiesView(trading, trading, "INR");

        assertThat(positionsView.flatten.isVisible()).isFalse();
        assertThat(positionsView.grid.getColumns()).hasSize(7);
        assertThat(orders.newOrder.isVisible()).isTrue();
        assertThat(orders.cancelAll.isVisible()).isTrue();
        assertThat(orders.working.getColumns()).hasSize(12);
        assertThat(strategies.grid.getColumns()).hasSize(9);
    }

    @Test
    void an_admin_is_offered_flatten_all() {
        assertThat(positions(EnumSet.allOf(TradingAction.class)).flatten.isVisible()).isTrue();
    }

    @Test
    void positions_from_the_ledger_say_that_marks_are_unknown_here() {
        var view = positions(EnumSet.noneOf(TradingAction.class));

        assertThat(view.source.getText()).startsWith("From the ledger");
        assertThat(view.grid.getGenericDataView().getItems().toList()).singleElement()
                .satisfies(r -> assertThat(r.mark()).isNull());
    }

    @Test
    void unreadable_strategies_are_reported_not_thrown() {
        var failing = new FakeTrading() {
            @Override public List<StrategyStatus> strategies() { throw new IllegalStateException("db down"); }
        };
        var view = new StrategiesView(failing, failing, "INR");

        assertThat(view.error.isVisible()).isTrue();
        assertThat(view.error.getText()).contains("cannot be read");
    }

    private static StrategyStatus strategy(boolean enabled) {
        return new StrategyStatus("sma-cross", "sma-cross", List.of("SYNTH-ALPHA"), Map.of(), new BigDecimal("100"), enabled,
                0, 0, BigDecimal.ZERO, 0, Map.of(), BigDecimal.ZERO);
    }
}
