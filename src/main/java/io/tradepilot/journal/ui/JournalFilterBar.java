package io.tradepilot.journal.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.tradepilot.journal.ExitReason;
import io.tradepilot.journal.Outcome;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradeSide;
import io.tradepilot.journal.TradingMode;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Journal page's filter fields: range (7/30/90 days, year to date, all, custom), from and to dates, symbol, side,
 * strategy, outcome, tag, mode and exit reason. A user's change calls the listener given at construction; {@link #show}
 * sets the fields from a filter without calling it. The fields read as URL parameters the page keeps
 * ({@link JournalFilterParams}). Element ids: {@code journal-range}, {@code journal-symbol}, {@code journal-strategy},
 * {@code journal-tag}, {@code journal-mode}, {@code journal-exit-reason}.
 */
final class JournalFilterBar extends HorizontalLayout {

    final Select<JournalFilterParams.Range> range = new Select<>();
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final TextField symbol = new TextField("Symbol");
    final Select<String> side = new Select<>();
    final TextField strategy = new TextField("Strategy");
    final Select<String> outcome = new Select<>();
    final TextField tag = new TextField("Tag");
    final Select<String> mode = new Select<>();
    final Select<String> exitReason = new Select<>();

    private final Clock clock;
    private final ZoneId zone;
    private boolean applying;

    /** @param changed called after a user changed a field (not after {@link #show}) */
    JournalFilterBar(Clock clock, ZoneId zone, Runnable changed) {
        this.clock = clock;
        this.zone = zone;
        range.setLabel("Range");
        range.setItems(JournalFilterParams.Range.values());
        range.setItemLabelGenerator(r -> switch (r) {
            case LAST_7_DAYS -> "Last 7 days";
            case LAST_30_DAYS -> "Last 30 days";
            case LAST_90_DAYS -> "Last 90 days";
            case YEAR_TO_DATE -> "Year to date";
            case ALL -> "All";
            case CUSTOM -> "Custom";
        });
        choices(side, "Side", List.of(TradeSide.LONG.name(), TradeSide.SHORT.name()), s -> s);
        choices(outcome, "Outcome", names(Outcome.values()), s -> s);
        choices(mode, "Mode", names(TradingMode.values()), s -> s);
        choices(exitReason, "Exit reason", names(ExitReason.values()), s -> JournalView.exitLabel(ExitReason.valueOf(s)));
        Runnable fromClient = () -> {
            if (!applying) changed.run();
        };
        range.addValueChangeListener(e -> { if (e.isFromClient()) fromClient.run(); });
        for (var field : List.of(from, to)) {
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    range.setValue(JournalFilterParams.Range.CUSTOM);
                    fromClient.run();
                }
            });
        }
        for (var field : List.of(symbol, strategy, tag)) field.addValueChangeListener(e -> { if (e.isFromClient()) fromClient.run(); });
        for (var field : List.of(side, outcome, mode, exitReason)) field.addValueChangeListener(e -> { if (e.isFromClient()) fromClient.run(); });
        mode.setId("journal-mode");
        exitReason.setId("journal-exit-reason");
        range.setId("journal-range");
        symbol.setId("journal-symbol");
        strategy.setId("journal-strategy");
        tag.setId("journal-tag");
        add(range, from, to, symbol, side, strategy, outcome, tag, mode, exitReason);
        setWrap(true);
    }

    /** Sets the fields to {@code filter} (picked as {@code newRange}) without calling the change listener. */
    void show(JournalFilterParams.Range newRange, TradeFilter filter) {
        applying = true;
        try {
            range.setValue(newRange);
            from.setValue(filter.from());
            to.setValue(filter.to());
            symbol.setValue(filter.symbol() == null ? "" : filter.symbol());
            side.setValue(filter.side() == null ? "" : filter.side().name());
            strategy.setValue(filter.strategy() == null ? "" : filter.strategy());
            outcome.setValue(filter.outcome() == null ? "" : filter.outcome().name());
            tag.setValue(filter.tag() == null ? "" : filter.tag());
            mode.setValue(filter.mode() == null ? "" : filter.mode().name());
            exitReason.setValue(filter.exitReason() == null ? "" : filter.exitReason().name());
        } finally {
            applying = false;
        }
    }

    /** The range picked (the last 30 days when none is). */
    JournalFilterParams.Range selectedRange() {
        return range.getValue() == null ? JournalFilterParams.Range.LAST_30_DAYS : range.getValue();
    }

    /** The filter the fields describe now, read as the URL's parameters would be (malformed values ignored). */
    TradeFilter filter() {
        JournalFilterParams.Range r = selectedRange();
        Map<String, List<String>> params = new HashMap<>();
        params.put("range", List.of(r.param));
        if (r == JournalFilterParams.Range.CUSTOM) {
            if (from.getValue() != null) params.put("from", List.of(from.getValue().toString()));
            if (to.getValue() != null) params.put("to", List.of(to.getValue().toString()));
        }
        params.put("symbol", List.of(symbol.getValue()));
        params.put("side", List.of(value(side)));
        params.put("strategy", List.of(strategy.getValue()));
        params.put("outcome", List.of(value(outcome)));
        params.put("tag", List.of(tag.getValue()));
        params.put("mode", List.of(value(mode)));
        params.put("exit", List.of(value(exitReason)));
        return JournalFilterParams.parse(params, clock, zone);
    }

    /** A select of "Any" (the empty string) and {@code values}, labelled by {@code label}. */
    private static void choices(Select<String> select, String caption, List<String> values,
                                java.util.function.Function<String, String> label) {
        select.setLabel(caption);
        List<String> items = new ArrayList<>(List.of(""));
        items.addAll(values);
        select.setItems(items);
        select.setItemLabelGenerator(s -> s.isEmpty() ? "Any" : label.apply(s));
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) names.add(v.name());
        return names;
    }

    private static String value(Select<String> select) {
        return select.getValue() == null ? "" : select.getValue();
    }
}
