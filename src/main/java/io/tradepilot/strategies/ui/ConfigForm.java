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
 * parameter (id {@code param-<name>}, its help as helper text) plus symbols, quantity, sizing mode
 * ({@code config-sizing}), risk per trade ({@code config-risk}) and intraday. It reads a document ({@link #read})
 * and writes one ({@link #document()}); {@link #show} puts each validation problem on the field of its path and
 * returns those no field shows. Keys it has no field for (the ATR and Kelly inputs, max_quantity, twap, trading
 * hours, blackouts, entry conditions) are kept as they were read, so the YAML round-trips through the form.
 */
final class ConfigForm extends FormLayout {

    private final Map<String, TextField> params = new LinkedHashMap<>();
    private final TextField symbols = new TextField("Symbols (comma-separated)");
    private final TextField quantity = new TextField("Quantity per entry");
    private final Select<String> sizing = new Select<>();
    private final TextField risk = new TextField("Risk per trade (% of equity)");
    private final Checkbox intraday = new Checkbox("Intraday (squared off every day; off: swing)");
    private Map<String, Object> document = new LinkedHashMap<>();
    private Runnable onEdit = () -> { };

    ConfigForm() {
        symbols.addValueChangeListener(e -> edited(e.isFromClient()));
        quantity.addValueChangeListener(e -> edited(e.isFromClient()));
        intraday.addValueChangeListener(e -> edited(e.isFromClient()));
        sizing.setLabel("Sizing");
        sizing.setItems(Arrays.stream(StrategyConfig.Sizing.values()).map(StrategyConfig.Sizing::word).toList());
        sizing.setHelperText("fixed: the quantity; fixed-fractional and atr: the risk per trade; half-kelly: kelly (YAML tab)");
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
        quantity.setValue(document.get("quantity") == null ? "" : String.valueOf(document.get("quantity")));
        Object word = document.get("sizing");
        sizing.setValue(word instanceof String w && Arrays.stream(StrategyConfig.Sizing.values()).anyMatch(z -> z.word().equals(w)) ? w
                : document.containsKey("risk_per_trade") ? StrategyConfig.Sizing.FIXED_FRACTIONAL.word() : StrategyConfig.Sizing.FIXED.word());
        risk.setValue(document.get("risk_per_trade") == null ? "" : String.valueOf(document.get("risk_per_trade")));
        intraday.setValue(Boolean.TRUE.equals(document.get("intraday")));
        add(symbols, quantity, sizing, risk, intraday);
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
        doc.put("symbols", list);
        String q = quantity.getValue().strip();
        if (q.isEmpty()) doc.remove("quantity");
        else doc.put("quantity", number(q));
        doc.put("sizing", sizing.getValue());
        String r = risk.getValue().strip();
        if (r.isEmpty()) doc.remove("risk_per_trade");
        else doc.put("risk_per_trade", number(r));
        doc.put("intraday", intraday.getValue());
        return new Yaml().dump(doc);
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
        quantity.setInvalid(false);
        risk.setInvalid(false);
        sizing.setInvalid(false);
        List<Problem> rest = new ArrayList<>();
        for (Problem p : problems) {
            TextField f = p.path().startsWith("parameters.") ? params.get(p.path().substring("parameters.".length()))
                    : p.path().startsWith("symbols") ? symbols : p.path().equals("quantity") ? quantity
                    : p.path().equals("risk_per_trade") ? risk : null;
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
