package io.tradepilot.strategies.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.tradepilot.engine.strategy.config.StrategyConfig;
import io.tradepilot.engine.strategy.params.ParamSpec;
import io.tradepilot.engine.strategy.params.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editable form of one strategy document, generated from its type's parameter schema: one field per
 * parameter (id {@code param-<name>}, its help as helper text) plus symbols or a universe ({@code config-universe}: a name written as {@code universe} in place of {@code symbols}), quantity, sizing mode
 * ({@code config-sizing}), risk per trade ({@code config-risk}), intraday, and the document's other inputs, each a field
 * whose id is {@code config-} and its path with {@code _} and {@code .} as {@code -} ({@code config-atr-period},
 * {@code config-kelly-win-rate}, {@code config-max-quantity}, {@code config-twap-above},
 * {@code config-trading-hours-start}, ...): the ATR inputs (shown and written with sizing atr only), the Kelly inputs
 * (half-kelly only), the cap of a risk-based entry (not with fixed sizing), TWAP slicing, max positions and trading
 * hours; an empty field leaves its key out (the validator's default applies). It reads a document ({@link #read})
 * and writes one ({@link #document()}); {@link #show} puts each validation problem on the field of its path (a
 * problem on a whole section, e.g. {@code kelly}, on the section's first field) and returns those no field shows.
 * Keys it has no field for (blackouts, entry conditions) are kept as they were read, so the YAML round-trips
 * through the form.
 */
final class ConfigForm extends FormLayout {

    private final Map<String, TextField> params = new LinkedHashMap<>();
    private final TextField symbols = new TextField("Symbols (comma-separated)");
    private final TextField universe = new TextField("Universe (in place of symbols)");
    private final TextField quantity = new TextField("Quantity per entry");
    private final Select<String> sizing = new Select<>();
    private final TextField risk = new TextField("Risk per trade (% of equity)");
    private final Checkbox intraday = new Checkbox("Intraday (squared off every day; off: swing)");
    /** The fields of the document's other inputs by path ({@code atr.period}, {@code max_quantity}, ...), in form order. */
    private final Map<String, TextField> inputs = new LinkedHashMap<>();
    private Map<String, Object> document = new LinkedHashMap<>();
    private Runnable onEdit = () -> { };

    ConfigForm() {
        symbols.addValueChangeListener(e -> edited(e.isFromClient()));
        universe.addValueChangeListener(e -> edited(e.isFromClient()));
        universe.setId("config-universe");
        universe.setManualValidation(true);
        universe.setHelperText("A universe's name (e.g. NIFTY 50): its symbols are resolved when the version is applied; empty: the symbols");
        quantity.addValueChangeListener(e -> edited(e.isFromClient()));
        intraday.addValueChangeListener(e -> edited(e.isFromClient()));
        sizing.setLabel("Sizing");
        sizing.setItems(Arrays.stream(StrategyConfig.Sizing.values()).map(StrategyConfig.Sizing::word).toList());
        sizing.setHelperText("fixed: the quantity; fixed-fractional and atr: the risk per trade (atr: with the ATR inputs); half-kelly: the Kelly inputs");
        sizing.setId("config-sizing");
        sizing.addValueChangeListener(e -> edited(e.isFromClient()));
        risk.setId("config-risk");
        risk.setManualValidation(true);
        risk.addValueChangeListener(e -> edited(e.isFromClient()));
        symbols.setId("config-symbols");
        symbols.setManualValidation(true);
        quantity.setManualValidation(true);
        quantity.setId("config-quantity");
        intraday.setId("config-intraday");
        input("atr.period", "ATR period (bars)", "sizing atr: the stop distance is multiple x ATR(period); 1 to 1000, default 14");
        input("atr.multiple", "ATR multiple", "sizing atr: above 0, at most 100; default 2");
        input("kelly.win_rate", "Kelly win rate", "sizing half-kelly: the fraction of winning trades, 0 to 1 (required)");
        input("kelly.average_win", "Kelly average win", "sizing half-kelly: the average winning trade, above 0 (required)");
        input("kelly.average_loss", "Kelly average loss", "sizing half-kelly: the average losing trade, 0 or more (required)");
        input("kelly.cap", "Kelly cap (fraction of equity)", "sizing half-kelly: at most this fraction risked per entry, above 0, at most 1; default 0.02");
        input("max_quantity", "Max quantity per entry", "risk-based sizing: cap of an entry in units, above 0; empty: no cap");
        input("twap.above", "TWAP above (units)", "entries larger than this go out as slices on consecutive bars; empty: never sliced");
        input("twap.slices", "TWAP slices", "2 to 100; default 5");
        input("max_positions", "Max positions", "positions held at once across its symbols, 1 to 1000; empty: no limit of its own");
        input("trading_hours.start", "Entries from (exchange time)", "HH:mm; empty with the end: entries at any time the risk settings allow");
        input("trading_hours.end", "Entries until (exchange time)", "HH:mm, later than the start (inclusive)");
        sizing.addValueChangeListener(e -> showSizingInputs());
    }

    private void input(String path, String label, String help) {
        TextField f = new TextField(label);
        f.setId("config-" + path.replace('_', '-').replace('.', '-'));
        f.setHelperText(help);
        f.setManualValidation(true);
        f.addValueChangeListener(e -> edited(e.isFromClient()));
        inputs.put(path, f);
    }

    /** The ATR inputs with sizing atr only, the Kelly inputs with half-kelly only, the cap with a risk-based sizing only. */
    private void showSizingInputs() {
        String mode = sizing.getValue();
        inputs.forEach((path, f) -> f.setVisible(!path.startsWith("atr.") && !path.startsWith("kelly.") && !path.equals("max_quantity")
                || path.startsWith("atr.") && StrategyConfig.Sizing.ATR.word().equals(mode)
                || path.startsWith("kelly.") && StrategyConfig.Sizing.HALF_KELLY.word().equals(mode)
                || path.equals("max_quantity") && mode != null && !StrategyConfig.Sizing.FIXED.word().equals(mode)));
    }

    /** Builds the fields for {@code specs} and fills them from {@code yaml}; refuses (IllegalArgumentException) text that is not a YAML mapping. */
    void read(String yaml, List<ParamSpec> specs) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(doc instanceof Map<?, ?> m)) throw new IllegalArgumentException("the YAML must be a mapping of strategy settings");
        document = new LinkedHashMap<>();
        m.forEach((k, v) -> document.put(String.valueOf(k), v));
        removeAll();
        params.clear();
        Map<?, ?> values = document.get("parameters") instanceof Map<?, ?> p ? p : Map.of();
        for (ParamSpec s : specs) {
            TextField f = new TextField(s.name());
            f.setId("param-" + s.name());
            f.setManualValidation(true);
            f.addValueChangeListener(e -> edited(e.isFromClient()));
            f.setHelperText(s.help() + " (" + s.type().name().toLowerCase() + (s.min() != null || s.max() != null
                    ? ", " + (s.min() == null ? "…" : s.min().toPlainString()) + " to " + (s.max() == null ? "…" : s.max().toPlainString()) : "")
                    + (s.choices().isEmpty() ? "" : ", one of " + s.choices()) + "; default " + s.defaultValue() + ")");
            Object v = values.get(s.name());
            f.setValue(v == null ? s.defaultValue() : String.valueOf(v));
            params.put(s.name(), f);
            add(f);
        }
        symbols.setValue(document.get("symbols") instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : "");
        universe.setValue(document.get("universe") == null ? "" : String.valueOf(document.get("universe")));
        quantity.setValue(document.get("quantity") == null ? "" : String.valueOf(document.get("quantity")));
        Object word = document.get("sizing");
        sizing.setValue(word instanceof String w && Arrays.stream(StrategyConfig.Sizing.values()).anyMatch(z -> z.word().equals(w)) ? w
                : document.containsKey("risk_per_trade") ? StrategyConfig.Sizing.FIXED_FRACTIONAL.word() : StrategyConfig.Sizing.FIXED.word());
        risk.setValue(document.get("risk_per_trade") == null ? "" : String.valueOf(document.get("risk_per_trade")));
        intraday.setValue(Boolean.TRUE.equals(document.get("intraday")));
        inputs.forEach((path, f) -> {
            Object v = valueAt(path);
            f.setValue(v == null ? "" : String.valueOf(v));
        });
        add(symbols, universe, quantity, sizing, risk);
        inputs.values().forEach(this::add);
        add(intraday);
        showSizingInputs();
    }

    /** The read document's value at a path {@code key} or {@code section.key}, null when absent. */
    private Object valueAt(String path) {
        int dot = path.indexOf('.');
        if (dot < 0) return document.get(path);
        return document.get(path.substring(0, dot)) instanceof Map<?, ?> m ? m.get(path.substring(dot + 1)) : null;
    }

    /** Runs {@code listener} whenever the user changes a field. */
    void onEdit(Runnable listener) {
        this.onEdit = listener;
    }

    private void edited(boolean byUser) {
        if (byUser) onEdit.run();
    }

    /** The document the form holds now, as YAML (values as typed; the validator reads text values the way the command line does). */
    String document() {
        Map<String, Object> doc = new LinkedHashMap<>(document);
        Map<String, Object> p = new LinkedHashMap<>();
        params.forEach((k, f) -> p.put(k, f.getValue().strip()));
        doc.put("parameters", p);
        List<String> list = new ArrayList<>();
        for (String s : symbols.getValue().split(",")) if (!s.isBlank()) list.add(s.strip());
        if (universe.getValue().isBlank()) {
            doc.remove("universe");
            doc.put("symbols", list);
        } else {
            doc.remove("symbols");
            doc.put("universe", universe.getValue().strip());
        }
        String q = quantity.getValue().strip();
        if (q.isEmpty()) doc.remove("quantity");
        else doc.put("quantity", number(q));
        doc.put("sizing", sizing.getValue());
        String r = risk.getValue().strip();
        if (r.isEmpty()) doc.remove("risk_per_trade");
        else doc.put("risk_per_trade", number(r));
        doc.put("intraday", intraday.getValue());
        String mode = sizing.getValue();
        for (String section : List.of("atr", "kelly", "twap", "trading_hours")) doc.remove(section);
        inputs.forEach((path, f) -> {
            String v = f.getValue().strip();
            int dot = path.indexOf('.');
            if (dot < 0) {
                if (v.isEmpty() || path.equals("max_quantity") && StrategyConfig.Sizing.FIXED.word().equals(mode)) doc.remove(path);
                else doc.put(path, number(v));
                return;
            }
            String section = path.substring(0, dot);
            if (section.equals("atr") && !StrategyConfig.Sizing.ATR.word().equals(mode)
                    || section.equals("kelly") && !StrategyConfig.Sizing.HALF_KELLY.word().equals(mode)) return;
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) doc.computeIfAbsent(section, k -> new LinkedHashMap<String, Object>());
            if (!v.isEmpty()) m.put(path.substring(dot + 1), section.equals("trading_hours") ? v : number(v));
        });
        // an empty optional section stays out; half-kelly's inputs are required, so its section is written for the validator
        for (String section : List.of("atr", "twap", "trading_hours")) {
            if (doc.get(section) instanceof Map<?, ?> m && m.isEmpty()) doc.remove(section);
        }
        return new Yaml().dump(doc);
    }

    /** The field showing a problem at {@code path}: its own, or for a whole section the section's first visible one. */
    private TextField input(String path) {
        TextField own = inputs.get(path);
        if (own != null) return own;
        for (var e : inputs.entrySet()) if (e.getKey().startsWith(path + ".") && e.getValue().isVisible()) return e.getValue();
        return null;
    }

    private static Object number(String text) {
        if (text.matches("-?\\d{1,18}")) return Long.parseLong(text);
        if (text.matches("-?\\d{1,15}\\.\\d{1,15}")) return Double.parseDouble(text);
        return text;
    }

    /** Shows {@code problems} on their fields (clearing the others); returns those no field shows. */
    List<Problem> show(List<Problem> problems) {
        params.values().forEach(f -> f.setInvalid(false));
        symbols.setInvalid(false);
        universe.setInvalid(false);
        quantity.setInvalid(false);
        risk.setInvalid(false);
        sizing.setInvalid(false);
        inputs.values().forEach(f -> f.setInvalid(false));
        List<Problem> rest = new ArrayList<>();
        for (Problem p : problems) {
            TextField f = p.path().startsWith("parameters.") ? params.get(p.path().substring("parameters.".length()))
                    : p.path().startsWith("symbols") ? symbols : p.path().equals("universe") ? universe : p.path().equals("quantity") ? quantity
                    : p.path().equals("risk_per_trade") ? risk : input(p.path());
            if (f == null && p.path().equals("sizing")) {
                sizing.setErrorMessage(p.message());
                sizing.setInvalid(true);
            } else if (f == null) {
                rest.add(p);
            } else {
                f.setErrorMessage(p.message());
                f.setInvalid(true);
            }
        }
        return rest;
    }
}
