package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strategy whose parameters a sweep or a walk-forward varies, and one field per parameter of its schema holding a
 * range {@code from:to:step} or values {@code v1,v2} (empty: kept at the configuration's value). Choosing a stored
 * configuration in the run form chooses its strategy. Element ids: {@code <prefix>-strategy}, {@code
 * <prefix>-param-<name>}.
 */
final class ParameterRanges extends VerticalLayout {

    final Select<String> strategy = new Select<>();
    final Map<String, TextField> ranges = new LinkedHashMap<>();
    private final FormLayout fields = new FormLayout();
    private final String prefix;

    /** @param schema each strategy's parameter names, in schema order */
    ParameterRanges(String prefix, String label, Map<String, List<String>> schema, BacktestForm form) {
        this.prefix = prefix;
        setPadding(false);
        strategy.setId(prefix + "-strategy");
        strategy.setLabel(label);
        strategy.setItems(schema.keySet());
        strategy.addValueChangeListener(e -> show(schema.getOrDefault(e.getValue(), List.of())));
        form.config.addValueChangeListener(e -> {
            if (e.getValue() != null) strategy.setValue(e.getValue().type());
        });
        strategy.setValue(form.config.getValue() != null ? form.config.getValue().type() : schema.keySet().iterator().next());
        add(strategy, fields);
    }

    private void show(List<String> names) {
        fields.removeAll();
        ranges.clear();
        for (String name : names) {
            TextField f = new TextField(name);
            f.setId(prefix + "-param-" + name);
            f.setPlaceholder("from:to:step or v1,v2");
            f.setHelperText("Empty: kept at the configuration's value");
            ranges.put(name, f);
            fields.add(f);
        }
    }

    /** The filled fields: parameter name to its range or values, stripped, in schema order. */
    Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        ranges.forEach((name, f) -> {
            if (!f.getValue().isBlank()) out.put(name, f.getValue().strip());
        });
        return out;
    }

    void clearInvalid() {
        ranges.values().forEach(f -> f.setInvalid(false));
    }

    /** The field a refusal's {@code field} ({@code parameters} or {@code parameters.NAME}) names, or null. */
    HasValidation field(String field) {
        if ("parameters".equals(field)) return ranges.values().stream().findFirst().orElse(null);
        return field != null && field.startsWith("parameters.") ? ranges.get(field.substring("parameters.".length())) : null;
    }
}
