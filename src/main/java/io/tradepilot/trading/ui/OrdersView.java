package io.tradepilot.trading.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.base.live.LiveFeed;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.OrderFill;
import io.tradepilot.trading.StrategyControls;
import io.tradepilot.trading.StrategyStatus;
import io.tradepilot.trading.TradingAction;
import io.tradepilot.trading.TradingActions;
import io.tradepilot.trading.TradingQueries;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.annotation.Value;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working orders (per-row Cancel, "Cancel all" with an optional symbol) and the newest orders from the
 * ledger (status, filled quantity, reason), pushed live; a click on an order opens its details row (the reason in
 * full and the order's fills: time, quantity, price, fee, protective stop); operators and admins get the manual order ticket
 * ("New order": preview, then confirm). The server authorizes, validates and rate-limits every action.
 * Element ids: {@code orders-view}, {@code working-orders-grid}, {@code recent-orders-grid},
 * {@code cancel-order-<orderId>}, {@code cancel-all}, {@code new-order}, {@code order-details-<orderId>},
 * {@code order-fills-<orderId>}.
 */
@Route("orders")
@PageTitle("Orders · Tradepilot")
@Menu(title = "Orders", order = 2, icon = "vaadin:list")
@PermitAll
class OrdersView extends VerticalLayout {

    private static final DateTimeFormatter FILL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final TradingActions actions;
    private final TradingQueries queries;
    private final StrategyControls strategies;
    private final Set<TradingAction> permitted;
    private final String currency;
    final Grid<LedgerOrder> working = new Grid<>();
    final Grid<LedgerOrder> recent = new Grid<>();
    final Button cancelAll = new Button("Cancel all…");
    final Button newOrder = new Button("New order");
    private TradingBoard shown;

    OrdersView(TradingQueries queries, TradingActions actions, StrategyControls strategies, LiveFeed<TradingBoard> feed,
               @Value("${tradepilot.trading.currency:INR}") String currency) {
        this.actions = actions;
        this.queries = queries;
        this.strategies = strategies;
        this.currency = currency;
        this.permitted = actions.permittedActions();
        setId("orders-view");
        setWidthFull();

        newOrder.setId("new-order");
        newOrder.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newOrder.setVisible(permitted.contains(TradingAction.MANUAL_ORDER));
        newOrder.addClickListener(e -> openTicket());
        cancelAll.setId("cancel-all");
        cancelAll.setVisible(permitted.contains(TradingAction.CANCEL_ALL));
        cancelAll.addClickListener(e -> new CancelAllDialog(symbols(),
                r -> Outcome.attempt(() -> actions.cancelAll(r.symbol(), r.reason())), Notices::done).open());

        working.setId("working-orders-grid");
        columns(working, false);
        working.setAllRowsVisible(true);
        if (permitted.contains(TradingAction.CANCEL_ORDER)) {
            working.addComponentColumn(this::cancelButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        recent.setId("recent-orders-grid");
        columns(recent, true);
        recent.setHeight("28rem");

        var header = new HorizontalLayout(new H2("Orders"), newOrder, cancelAll);
        header.setAlignItems(Alignment.CENTER);
        header.setWidthFull();
        header.expand(header.getComponentAt(0));
        add(header, new H3("Working"), working, new H3("Recent (newest first)"), recent);
        show(feed.latest().orElseGet(() -> TradingBoard.read(queries, currency)));
        feed.subscribeWhileAttached(this, this::show);
    }

    /**
     * The details row of an order (a click on the row opens it): its reason in full, wrapped, and its fills
     * from the ledger with price, quantity, fee (and its charges by kind) and time. Id {@code order-details-<orderId>}.
     */
    static Component details(LedgerOrder order, List<OrderFill> fills) {
        var box = new VerticalLayout();
        box.setId("order-details-" + order.orderId());
        box.setPadding(false);
        box.setSpacing(false);
        if (order.statusReason() != null && !order.statusReason().isBlank()) {
            var reason = new Span("Reason: " + order.statusReason());
            reason.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
            box.add(reason);
        }
        if (fills.isEmpty()) {
            box.add(new Span("No fills."));
        } else {
            Grid<OrderFill> grid = new Grid<>();
            grid.setId("order-fills-" + order.orderId());
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.addColumn(f -> FILL_TIME.format(f.filledAt())).setHeader("Time").setAutoWidth(true);
            grid.addColumn(f -> Amounts.quantity(f.quantity())).setHeader("Qty").setAutoWidth(true);
            grid.addColumn(f -> Amounts.price(f.price())).setHeader("Price").setAutoWidth(true);
            grid.addColumn(f -> f.commission().toPlainString()).setHeader("Fee").setAutoWidth(true);
            grid.addColumn(f -> Amounts.charges(f.charges())).setHeader("Charges by kind").setAutoWidth(true);
            grid.addColumn(f -> f.protectiveStop() == null ? "" : Amounts.price(f.protectiveStop())).setHeader("Protective stop")
                    .setAutoWidth(true);
            grid.setItems(fills);
            grid.setAllRowsVisible(true);
            box.add(grid);
        }
        return box;
    }

    private void columns(Grid<LedgerOrder> grid, boolean history) {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(LedgerOrder::orderId).setHeader("Order").setAutoWidth(true);
        grid.addColumn(o -> TIME.format(history ? o.updatedAt() : o.createdAt())).setHeader(history ? "Updated" : "Created")
                .setAutoWidth(true);
        grid.addColumn(LedgerOrder::strategy).setHeader("Strategy").setAutoWidth(true);
        grid.addColumn(LedgerOrder::symbol).setHeader("Symbol").setAutoWidth(true);
        grid.addColumn(LedgerOrder::side).setHeader("Side").setAutoWidth(true);
        grid.addColumn(o -> Amounts.quantity(o.quantity())).setHeader("Qty").setAutoWidth(true);
        grid.addColumn(o -> o.type() + prices(o)).setHeader("Type").setAutoWidth(true);
        grid.addColumn(LedgerOrder::timeInForce).setHeader("TIF").setAutoWidth(true);
        grid.addColumn(LedgerOrder::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(o -> Amounts.quantity(o.filledQuantity())).setHeader("Filled").setAutoWidth(true);
        grid.addColumn(o -> o.venueOrderId() == null ? "" : o.venueOrderId()).setHeader("Venue id").setAutoWidth(true);
        if (history) {
            grid.addColumn(o -> o.statusReason() == null ? "" : o.statusReason()).setHeader("Reason").setFlexGrow(1)
                    .setResizable(true).setTooltipGenerator(o -> o.statusReason() == null ? "" : o.statusReason());
        }
        grid.setItemDetailsRenderer(new ComponentRenderer<>(o -> details(o, queries.fills(o.orderId()))));
        grid.setDetailsVisibleOnClick(true);
    }

    private static String prices(LedgerOrder o) {
        String s = "";
        if (o.limitPrice() != null) s += " L " + Amounts.price(o.limitPrice());
        if (o.stopPrice() != null) s += " S " + Amounts.price(o.stopPrice());
        return s;
    }

    private Button cancelButton(LedgerOrder order) {
        Button cancel = new Button("Cancel", e -> new CancelOrderDialog(order.orderId(),
                order.side() + " " + Amounts.quantity(order.quantity()) + " " + order.symbol() + " " + order.type()
                        + prices(order) + " (" + order.status() + ", filled " + Amounts.quantity(order.filledQuantity()) + ")",
                r -> Outcome.attempt(() -> actions.cancelOrder(r.orderId(), r.reason())), Notices::done).open());
        cancel.setId("cancel-order-" + order.orderId());
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return cancel;
    }

    /** The symbols an order may name: every configured strategy's, plus any with a position or working order. */
    private Set<String> symbols() {
        Set<String> symbols = new TreeSet<>();
        try {
            for (StrategyStatus s : strategies.strategies()) symbols.addAll(s.symbols());
        } catch (RuntimeException unavailable) {
            // the positions and orders below still name the known symbols
        }
        if (shown != null) {
            shown.positions().forEach(p -> symbols.add(p.symbol()));
            shown.workingOrders().forEach(o -> symbols.add(o.symbol()));
        }
        return symbols;
    }

    private void openTicket() {
        new OrderTicket(symbols(), currency, actions::previewOrder,
                (order, reason) -> Outcome.attempt(() -> actions.placeOrder(order, reason)), Notices::done).open();
    }

    /** Shows {@code board}'s orders; an equal board changes nothing. */
    void show(TradingBoard board) {
        if (board.equals(shown)) return;
        shown = board;
        working.setItems(board.workingOrders());
        recent.setItems(board.recentOrders());
        cancelAll.setEnabled(!board.workingOrders().isEmpty());
    }
}
