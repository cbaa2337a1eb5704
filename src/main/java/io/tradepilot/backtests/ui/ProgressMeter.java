package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.util.Locale;

/**
 * A run's progress as a bar with its percentage (plain elements, so the app's frontend bundle needs nothing new);
 * {@code role=progressbar} with {@code aria-valuenow} (0-100) for assistive technology and tests.
 */
final class ProgressMeter extends Div {

    private final Div fill = new Div();
    private final Span text = new Span();

    ProgressMeter() {
        getElement().setAttribute("role", "progressbar");
        getElement().setAttribute("aria-valuemin", "0");
        getElement().setAttribute("aria-valuemax", "100");
        getStyle().set("display", "flex").set("align-items", "center").set("gap", "0.5em");
        Div track = new Div(fill);
        track.getStyle().set("width", "7em").set("height", "0.5em").set("border-radius", "0.25em")
                .set("background", "var(--lumo-contrast-10pct)").set("overflow", "hidden");
        fill.getStyle().set("height", "100%").set("background", "var(--lumo-primary-color)");
        text.getStyle().set("font-size", "var(--lumo-font-size-s)");
        add(track, text);
    }

    /** Shows {@code fraction} (0 to 1). */
    void setValue(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        int percent = (int) Math.floor(f * 100);
        fill.getStyle().set("width", String.format(Locale.ROOT, "%.1f%%", f * 100));
        text.setText(percent + " %");
        getElement().setAttribute("aria-valuenow", Integer.toString(percent));
    }
}
