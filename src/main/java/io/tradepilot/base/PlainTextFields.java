package io.tradepilot.base;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import io.tradepilot.security.PlainText;
import java.util.Optional;

/**
 * Checks a form's text field against {@link PlainText} and shows what is wrong under the field (the same words the
 * service would refuse with), or clears an earlier message.
 */
public final class PlainTextFields {

    private PlainTextFields() {
    }

    /** Checks a one-line field (a name, a typed confirmation word); true when it is plain. */
    public static <F extends HasValidation & HasValue<?, String>> boolean singleLine(F field) {
        return mark(field, PlainText.singleLineProblem(field.getValue()));
    }

    /** Checks a text area (a reason, notes, a detail: line breaks and tabs allowed); true when it is plain. */
    public static <F extends HasValidation & HasValue<?, String>> boolean multiLine(F field) {
        return mark(field, PlainText.multiLineProblem(field.getValue()));
    }

    private static boolean mark(HasValidation field, Optional<String> problem) {
        field.setErrorMessage(problem.map(p -> "The text " + p).orElse(null));
        field.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }
}
