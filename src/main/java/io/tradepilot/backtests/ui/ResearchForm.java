package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.Backtests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the sweep and walk-forward pages share: the run form every cell runs as ({@link BacktestForm}), the strategy's
 * parameter ranges ({@link ParameterRanges}), the page's own fields by the name a refusal gives them, and submitting:
 * a refusal's message goes on the field it names (the run form's, a page field, or a parameter's), otherwise into a
 * notification. Testable without a browser.
 */
final class ResearchForm {

    final BacktestForm form;
    final ParameterRanges parameters;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    /**
     * @param prefix the element id prefix of the parameter fields ({@code sweep}, {@code walkforward})
     * @param schema each strategy's parameter names, in schema order
     */
    ResearchForm(String prefix, String strategyLabel, Backtests backtests, Map<String, List<String>> schema) {
        form = new BacktestForm(backtests.configurations(), backtests.series(), backtests.universes());
        parameters = new ParameterRanges(prefix, strategyLabel, schema, form);
    }

    /** Registers a field of the page under the name refusals give it ({@code samples}, {@code isBars}, …). */
    void field(String name, HasValidation field) {
        fields.put(name, field);
    }

    /**
     * Clears every message, then runs {@code submit}: its result goes to {@code done}; a refusal is shown on its field,
     * or as an error notification when it names none.
     */
    <T> void submit(Supplier<T> submit, Consumer<T> done) {
        parameters.clearInvalid();
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            T result = submit.get();
            form.show(null);
            done.accept(result);
        } catch (BacktestRefusal refusal) {
            if (!show(refusal)) Notification.show(refusal.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Puts a refusal's message on the field it names; answers whether one was named. */
    boolean show(BacktestRefusal refusal) {
        if (form.show(refusal)) return true;
        String name = refusal.field();
        HasValidation target = name == null ? null : fields.containsKey(name) ? fields.get(name) : parameters.field(name);
        if (target == null) return false;
        target.setErrorMessage(refusal.getMessage());
        target.setInvalid(true);
        return true;
    }
}
