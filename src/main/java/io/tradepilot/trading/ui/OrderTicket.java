package io.tradepilot.trading.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import io.tradepilot.base.PlainTextFields;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.trading.ManualOrder;
import io.tradepilot.trading.OrderPreview;
import io.tradepilot.trading.TradingAction;
import org.springframework.security.access.AccessDeniedException;

import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The manual order ticket: symbol, side, quantity, type (limit and stop fields appear only for the types
 * that take them), time in force and reason. "Preview" asks the server what the engine would say
 * ({@link OrderPreview}: accepted or the risk check's refusal, reference price, notional, position before
 * → after); "Confirm" is enabled only while the fields hold exactly the previewed, accepted order, and
 * places it. The server validates everything again and re-checks the kill switch and breaker at confirm.
 * Element ids: {@code order-ticket}, {@code ticket-symbol}, {@code ticket-side}, {@code ticket-quantity},
 * {@code ticket-type}, {@code ticket-limit}, {@code ticket-stop}, {@code ticket-tif}, {@code ticket-protective-stop}, {@code reason-field},
 * {@code preview-button}, {@code order-preview}, {@code confirm-button}, {@code cancel-button},
 * {@code dialog-error}.
 */
class OrderTicket extends Dialog {

    static final List<String> SIDES = List.of("BUY", "SELL");
    static final List<String> TYPES = List.of("MARKET", "LIMIT", "STOP", "STOP_LIMIT");
    static final List<String> TIFS = List.of("DAY", "GTC", "IOC", "FOK");

    final ComboBox<String> symbol = new ComboBox<>("Symbol");
    final Select<String> side = new Select<>();
    final BigDecimalField quantity = new BigDecimalField("Quantity");
    final Select<String> type = new Select<>();
    final BigDecimalField limit = new BigDecimalField("Limit price");
    final BigDecimalField stop = new BigDecimalField("Stop price");
    final BigDecimalField protectiveStop = new BigDecimalField("Protective stop (optional: risk and R)");
    final Select<String> tif = new Select<>();
    final TextArea reason = new TextArea("Reason (at least " + TradingAction.MANUAL_ORDER.minimumReason() + " characters)");
    final Button preview = new Button("Preview");
    final Div previewText = new Div();
    final Button confirm = new Button("Confirm");
    final Span error = new Span();
    private final Function<ManualOrder, OrderPreview> previewer;
    private final BiFunction<ManualOrder, String, Outcome> placer;
    private final Consumer<Outcome> onDone;
    private final String currency;
    private OrderPreview previewed;

    OrderTicket(Collection<String> symbols, String currency, Function<ManualOrder, OrderPreview> previewer,
                BiFunction<ManualOrder, String, Outcome> placer, Consumer<Outcome> onDone) {
        this.previewer = previewer;
        this.placer = placer;
        this.onDone = onDone;
        this.currency = currency;
        setId("order-ticket");
        setHeaderTitle("New order (paper)");
        setModal(true);
        setCloseOnOutsideClick(false);
        setWidth("40rem");

        symbol.setId("ticket-symbol");
        symbol.setItems(symbols);
        symbol.setAllowCustomValue(false);
        side.setId("ticket-side");
        side.setLabel("Side");
        side.setItems(SIDES);
        side.setValue("BUY");
        quantity.setId("ticket-quantity");
        type.setId("ticket-type");
        type.setLabel("Type");
        type.setItems(TYPES);
        type.setValue("MARKET");
        limit.setId("ticket-limit");
        stop.setId("ticket-stop");
        protectiveStop.setId("ticket-protective-stop");
        tif.setId("ticket-tif");
        tif.setLabel("Time in force");
        tif.setItems(TIFS);
        tif.setValue("DAY");
        reason.setId("reason-field");
        reason.setWidthFull();
        reason.setMaxLength(500);
        previewText.setId("order-preview");
        previewText.getStyle().set("white-space", "pre-line");
        error.setId("dialog-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        error.setVisible(false);

        var form = new FormLayout(symbol, side, quantity, type, limit, stop, tif, protectiveStop);
        var body = new VerticalLayout(form, reason, previewText, error);
        body.setPadding(false);
        add(body);

        symbol.addValueChangeListener(e -> changed());
        side.addValueChangeListener(e -> changed());
        quantity.addValueChangeListener(e -> changed());
        type.addValueChangeListener(e -> changed());
        limit.addValueChangeListener(e -> changed());
        stop.addValueChangeListener(e -> changed());
        protectiveStop.addValueChangeListener(e -> changed());
        tif.addValueChangeListener(e -> changed());

        preview.setId("preview-button");
        preview.addClickListener(e -> previewNow());
        confirm.setId("confirm-button");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> confirmNow());
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("cancel-button");
        getFooter().add(cancel, preview, confirm);
        changed();
    }

    /** The order the fields hold now; prices the type does not take are null. */
    ManualOrder order() {
        String t = type.getValue();
        boolean takesLimit = "LIMIT".equals(t) || "STOP_LIMIT".equals(t);
        boolean takesStop = "STOP".equals(t) || "STOP_LIMIT".equals(t);
        return new ManualOrder(symbol.getValue(), side.getValue(), quantity.getValue(), t,
                takesLimit ? limit.getValue() : null, takesStop ? stop.getValue() : null, tif.getValue(), protectiveStop.getValue());
    }

    /** Whether "Confirm" may be pressed: the fields hold exactly the previewed order, which was accepted. */
    boolean confirmable() {
        return previewed != null && previewed.accepted() && previewed.order().equals(order());
    }

    private void changed() {
        String t = type.getValue();
        limit.setVisible("LIMIT".equals(t) || "STOP_LIMIT".equals(t));
        stop.setVisible("STOP".equals(t) || "STOP_LIMIT".equals(t));
        boolean ok = confirmable();
        confirm.setEnabled(ok);
        if (previewed != null && !previewed.order().equals(order())) {
            previewText.getElement().setAttribute("data-stale", "true");
            previewText.getStyle().set("opacity", "0.5");
        }
    }

    /** Asks the server for a preview of the fields' order and shows it. */
    void previewNow() {
        error.setVisible(false);
        ManualOrder order = order();
        String problem = check(order);
        if (problem != null) {
            previewed = null;
            showError(problem);
            changed();
            return;
        }
        try {
            previewed = previewer.apply(order);
            previewText.setText(describe(previewed));
            previewText.getElement().setAttribute("data-stale", "false");
            previewText.getElement().setAttribute("data-accepted", String.valueOf(previewed.accepted()));
            previewText.getStyle().set("opacity", "1");
        } catch (AccessDeniedException denied) {
            previewed = null;
            showError(Outcome.DENIED);
        } catch (RuntimeException invalid) {
            previewed = null;
            showError(invalid.getMessage() == null ? "The preview failed." : invalid.getMessage());
        }
        changed();
    }

    /** Places the previewed order (only when {@link #confirmable()}). */
    void confirmNow() {
        if (!PlainTextFields.multiLine(reason)) {
            return;
        }
        if (!confirmable()) {
            showError("Preview exactly this order first.");
            return;
        }
        Outcome outcome = placer.apply(previewed.order(), reason.getValue());
        if (outcome.done()) {
            close();
            onDone.accept(outcome);
        } else {
            showError(outcome.message());
        }
    }

    private static String check(ManualOrder order) {
        if (order.symbol() == null || order.symbol().isBlank()) return "Choose a symbol.";
        if (order.quantity() == null || order.quantity().signum() <= 0) return "Enter a quantity above zero.";
        boolean takesLimit = "LIMIT".equals(order.type()) || "STOP_LIMIT".equals(order.type());
        boolean takesStop = "STOP".equals(order.type()) || "STOP_LIMIT".equals(order.type());
        if (takesLimit && (order.limitPrice() == null || order.limitPrice().signum() <= 0)) return "Enter a limit price above zero.";
        if (takesStop && (order.stopPrice() == null || order.stopPrice().signum() <= 0)) return "Enter a stop price above zero.";
        return null;
    }

    private String describe(OrderPreview p) {
        StringBuilder s = new StringBuilder();
        s.append(p.accepted() ? "Accepted by the risk checks now." : "Refused: " + p.riskCode() + " — " + p.riskMessage());
        s.append("\nReference price: ").append(Amounts.price(p.referencePrice()));
        s.append("\nNotional: ").append(Amounts.money(p.notional(), currency));
        s.append("\nPosition: ").append(Amounts.quantity(p.positionBefore())).append(" → ")
                .append(Amounts.quantity(p.positionAfter()));
        return s.toString();
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
