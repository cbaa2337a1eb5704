package io.tradepilot.base.chart;

import java.util.IdentityHashMap;
import java.util.Map;
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
    /** How many recently shown charts keep their JSON (see {@link #show}). */
    private static final int RECENT = 16;
    private static final Map<Chart, String> RECENT_JSON = new IdentityHashMap<>();

    public ApexChart() {
        setWidthFull();
        setHeight("320px");
    }

    public ApexChart(Chart chart) {
        this();
        show(chart);
    }

    /**
     * Replaces what the chart shows. The same chart instance shown again (e.g. one desk frame's chart, shown by every
     * open dashboard) is serialized once: the JSON of the last {@value #RECENT} instances is kept, by identity.
     */
    public void show(Chart chart) {
        String json;
        synchronized (RECENT_JSON) {
            json = RECENT_JSON.get(chart);
        }
        if (json == null) {
            json = JSON.writeValueAsString(chart.toOptions());
            synchronized (RECENT_JSON) {
                if (RECENT_JSON.size() >= RECENT) RECENT_JSON.clear();
                RECENT_JSON.put(chart, json);
            }
        }
        getElement().setProperty("options", json);
    }

    /** The options last sent to the browser, as JSON (for tests). */
    public String optionsJson() {
        return getElement().getProperty("options", "");
    }
}
