package io.tradepilot.journal.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import io.tradepilot.base.chart.ApexChart;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.journal.JournalAnnotations;
import io.tradepilot.journal.JournalQueries;
import io.tradepilot.journal.JournalRefusal;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeFill;
import io.tradepilot.journal.TradePlan;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One trade of the Journal page: its figures (net, gross, fees, R or "no stop", MAE/MFE), the strategy's plan when one
 * was recorded, a candle chart around it, its fills with their charges by kind, its tags and its note (editable by
 * operators and admins; the server authorizes and audits). Ids: {@code trade-dialog}, {@code trade-plan},
 * {@code trade-chart}, {@code trade-fills}, {@code trade-save}.
 */
final class TradeDialog extends Dialog {

    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Tags");
    final TextArea note = new TextArea("Note (Markdown)");
    final Div preview = new Div();
    private final JournalAnnotations annotations;
    private final String currency;
    private final Runnable saved;

    /**
     * @param plan  what the strategy planned (stop, targets), null when it recorded none
     * @param saved called after the tags and note were saved (the page refreshes its grid)
     */
    TradeDialog(Trade t, TradePlan plan, JournalQueries queries, JournalAnnotations annotations, String currency,
                DateTimeFormatter time, Runnable saved) {
        this.annotations = annotations;
        this.currency = currency;
        this.saved = saved;
        setId("trade-dialog");
        setHeaderTitle("Trade " + t.id() + " · " + t.symbol() + " " + t.side() + " · " + t.status());
        setWidth("900px");
        boolean editor = CurrentUser.role().map(r -> r.includes(Roles.Role.OPERATOR)).orElse(false);
        Paragraph figures = new Paragraph("Net " + Amounts.signedMoney(t.netPnl(), currency) + " (gross "
                + Amounts.signedMoney(t.grossPnl(), currency) + ", fees " + Amounts.money(t.fees(), currency) + ") · R "
                + JournalView.r(t) + " · initial risk " + (t.initialRisk() == null ? "no stop" : Amounts.money(t.initialRisk(), currency))
                + " · MAE " + excursion(t.mae(), t.maeR()) + " · MFE " + excursion(t.mfe(), t.mfeR()));
        Grid<TradeFill> fills = new Grid<>(TradeFill.class, false);
        fills.setId("trade-fills");
        fills.addColumn(f -> time.format(f.time())).setHeader("Time").setAutoWidth(true);
        fills.addColumn(f -> f.role().name()).setHeader("Role");
        fills.addColumn(TradeFill::side).setHeader("Side");
        fills.addColumn(f -> Amounts.quantity(f.quantity())).setHeader("Qty");
        fills.addColumn(f -> Amounts.price(f.price())).setHeader("Price");
        fills.addColumn(f -> Amounts.money(f.commission(), currency)).setHeader("Fee");
        fills.addColumn(f -> Amounts.charges(f.charges())).setHeader("Charges by kind").setAutoWidth(true);
        fills.addColumn(TradeFill::orderType).setHeader("Order");
        fills.addColumn(TradeFill::strategy).setHeader("By");
        fills.setItems(t.fills());
        fills.setAllRowsVisible(true);

        tags.setItems(queries.tags());
        tags.setAllowCustomValue(true);
        tags.addCustomValueSetListener(e -> {
            var values = new HashSet<>(tags.getValue());
            values.add(e.getDetail());
            List<String> items = new ArrayList<>(queries.tags());
            items.addAll(values);
            tags.setItems(items.stream().distinct().toList());
            tags.setValue(values);
        });
        tags.setValue(new HashSet<>(t.tags()));
        tags.setReadOnly(!editor);
        tags.setWidthFull();
        note.setValue(t.note() == null ? "" : t.note());
        note.setReadOnly(!editor);
        note.setWidthFull();
        note.setMaxLength(JournalAnnotations.MAX_NOTE);
        preview.add(new Html(NoteRenderer.html(t.note())));
        List<io.tradepilot.trading.CachedBar> bars = queries.barsAround(t.id());
        if (plan != null) {
            Paragraph planned = new Paragraph("Plan (" + plan.source() + "): entry " + planPrice(plan.entry()) + " · stop "
                    + planPrice(plan.stop()) + " · T1 " + planPrice(plan.target1()) + " · T2 " + planPrice(plan.target2()));
            planned.setId("trade-plan");
            add(planned);
        }
        if (bars.isEmpty()) {
            add(figures, new Paragraph("No cached bars reach back to this trade's entry: no chart."), fills, tags, note, preview);
        } else {
            ApexChart chart = new ApexChart(JournalCharts.tradeChart(t, bars));
            chart.setId("trade-chart");
            chart.setHeight("300px");
            add(figures, chart, fills, tags, note, preview);
        }
        Button close = new Button("Close", e -> close());
        if (editor) {
            Button save = new Button("Save", e -> save(t.id()));
            save.setId("trade-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(close, save);
        } else {
            getFooter().add(close);
        }
    }

    void save(long id) {
        try {
            annotations.setTags(id, tags.getValue().stream().sorted().collect(Collectors.toList()));
            annotations.setNote(id, note.getValue());
            preview.removeAll();
            preview.add(new Html(NoteRenderer.html(note.getValue().isBlank() ? null : note.getValue())));
            Notification.show("Saved");
            saved.run();
        } catch (JournalRefusal refusal) {
            if (refusal.field().equals("note")) {
                note.setInvalid(true);
                note.setErrorMessage(refusal.getMessage());
            } else {
                tags.setInvalid(true);
                tags.setErrorMessage(refusal.getMessage());
            }
        }
    }

    /** An excursion in money and, when the trade had a stop, in R. */
    private String excursion(BigDecimal money, BigDecimal inR) {
        if (money == null) return "no bars";
        return Amounts.signedMoney(money, currency) + (inR == null ? "" : " (" + inR.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + "R)");
    }

    private static String planPrice(BigDecimal price) {
        return price == null ? Amounts.NONE : Amounts.price(price);
    }
}
