package io.tradepilot.base.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import io.tradepilot.base.format.Json;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows one {@link Chart} with ApexCharts 4.7.0 (MIT). The options go to the browser as JSON;
 * {@code src/main/frontend/components/tp-apex-chart.js} renders them. Animations are off, so a
 * chart is complete as soon as it is drawn.
 */
@Tag("tp-apex-chart")
@NpmPackage(value = "apexcharts", version = "4.7.0")
@JsModule("./components/tp-apex-chart.js")
public class ApexChart extends Component implements HasSize {

    private static final JsonMapper JSON = Json.mapper();

    public ApexChart() {
        setWidthFull();
        setHeight("320px");
    }

    public ApexChart(Chart chart) {
        this();
        show(chart);
    }

    /** Replaces what the chart shows. */
    public void show(Chart chart) {
        getElement().setProperty("options", JSON.writeValueAsString(chart.toOptions()));
    }

    /** The options last sent to the browser, as JSON (for tests). */
    public String optionsJson() {
        return getElement().getProperty("options", "");
    }
}
