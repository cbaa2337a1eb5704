package io.tradepilot.strategies.ui;

import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.config.StrategyConfig;
import io.tradepilot.engine.strategy.config.StrategyConfigLoader;
import io.tradepilot.engine.strategy.params.Problem;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The form keeps a document's sizing: the mode and risk per trade on their fields, the other sizing keys as read. */
class ConfigFormTest {

    private static final String DOC = """
            type: "momentum"
            name: "mom"
            symbols: ["AAA"]
            sizing: "atr"
            risk_per_trade: 0.5
            atr: {period: 10, multiple: 3}
            twap: {above: 1000, slices: 4}
            """;

    @Test
    void the_sizing_round_trips_through_the_form_and_its_problems_show_on_their_fields() {
        ConfigForm form = new ConfigForm();
        form.read(DOC, Strategies.definition("momentum").schema().specs());
        var c = StrategyConfigLoader.parse(form.document());
        assertThat(c.problems()).isEmpty();
        assertThat(c.config().sizing()).isEqualTo(StrategyConfig.Sizing.ATR);
        assertThat(c.config().riskPerTradePercent()).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(c.config().atr()).isEqualTo(new StrategyConfig.Atr(10, new BigDecimal("3")));
        assertThat(c.config().twap().slices()).isEqualTo(4);

        List<Problem> rest = form.show(List.of(new Problem("sizing", "x"), new Problem("risk_per_trade", "y"), new Problem("atr.period", "z"),
                new Problem("entry_conditions.max_spread_bps", "w")));
        assertThat(rest).extracting(Problem::path).containsExactly("entry_conditions.max_spread_bps");
        assertThat(field(form, "config-atr-period").isInvalid()).isTrue();
        assertThat(field(form, "config-atr-period").getErrorMessage()).isEqualTo("z");
    }

    @Test
    void a_universe_round_trips_in_place_of_the_symbols_and_its_problem_shows_on_its_field() {
        ConfigForm form = new ConfigForm();
        form.read(DOC.replace("symbols: [\"AAA\"]", "universe: \"NIFTY 50\""), Strategies.definition("momentum").schema().specs());
        assertThat(field(form, "config-universe").getValue()).isEqualTo("NIFTY 50");
        var c = StrategyConfigLoader.parse(form.document());
        assertThat(c.problems()).isEmpty();
        assertThat(c.config().universe()).isEqualTo("NIFTY 50");
        assertThat(form.show(List.of(new Problem("universe", "no universe named 'NIFTY 50'")))).isEmpty();
        assertThat(field(form, "config-universe").isInvalid()).isTrue();

        field(form, "config-universe").setValue("");
        field(form, "config-symbols").setValue("TCS, INFY");
        var listed = StrategyConfigLoader.parse(form.document());
        assertThat(listed.config().universe()).isNull();
        assertThat(listed.config().symbols()).containsExactly("TCS", "INFY");
    }

    private static TextField field(ConfigForm form, String id) {
        return form.getChildren().filter(c -> c.getId().orElse("").equals(id)).map(TextField.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + id));
    }

    /** Validates what the form holds now with the command line's validator and shows the problems, as the page does. */
    private static List<Problem> validate(ConfigForm form) {
        return form.show(StrategyConfigLoader.parse(form.document()).problems());
    }

    @Test
    void the_atr_inputs_are_fields_whose_values_reach_the_document_and_whose_problems_show_on_them() {
        ConfigForm form = new ConfigForm();
        form.read(DOC, Strategies.definition("momentum").schema().specs());
        assertThat(field(form, "config-atr-period").getValue()).isEqualTo("10");
        assertThat(field(form, "config-atr-multiple").getValue()).isEqualTo("3");
        assertThat(field(form, "config-atr-period").isVisible()).isTrue();
        assertThat(field(form, "config-kelly-win-rate").isVisible()).as("kelly inputs with half-kelly only").isFalse();
        assertThat(field(form, "config-twap-above").getValue()).isEqualTo("1000");

        field(form, "config-atr-period").setValue("0");
        field(form, "config-atr-multiple").setValue("much");
        assertThat(validate(form)).isEmpty();
        assertThat(field(form, "config-atr-period").isInvalid()).isTrue();
        assertThat(field(form, "config-atr-period").getErrorMessage()).contains("at least 1");
        assertThat(field(form, "config-atr-multiple").isInvalid()).isTrue();

        field(form, "config-atr-period").setValue("21");
        field(form, "config-atr-multiple").setValue("2.5");
        field(form, "config-max-quantity").setValue("400");
        assertThat(validate(form)).isEmpty();
        assertThat(field(form, "config-atr-period").isInvalid()).isFalse();
        StrategyConfig c = StrategyConfigLoader.parse(form.document()).config();
        assertThat(c.atr()).isEqualTo(new StrategyConfig.Atr(21, new BigDecimal("2.5")));
        assertThat(c.maxQuantity()).isEqualByComparingTo("400");
    }

    @Test
    void the_kelly_inputs_are_required_fields_with_half_kelly_and_the_atr_ones_leave_the_document() {
        ConfigForm form = new ConfigForm();
        form.read(DOC, Strategies.definition("momentum").schema().specs());
        Select<?> sizing = form.getChildren().filter(c -> c.getId().orElse("").equals("config-sizing")).map(Select.class::cast).findFirst().orElseThrow();
        ((Select<String>) sizing).setValue("half-kelly");
        field(form, "config-risk").setValue("");
        assertThat(field(form, "config-kelly-win-rate").isVisible()).isTrue();
        assertThat(field(form, "config-atr-period").isVisible()).isFalse();
        assertThat(validate(form)).isEmpty();
        assertThat(field(form, "config-kelly-win-rate").getErrorMessage()).isEqualTo("is required with sizing half-kelly");
        assertThat(field(form, "config-kelly-average-win").isInvalid()).isTrue();
        assertThat(field(form, "config-kelly-average-loss").isInvalid()).isTrue();

        field(form, "config-kelly-win-rate").setValue("1.5");
        field(form, "config-kelly-average-win").setValue("150");
        field(form, "config-kelly-average-loss").setValue("100");
        assertThat(validate(form)).isEmpty();
        assertThat(field(form, "config-kelly-win-rate").isInvalid()).isTrue();
        assertThat(field(form, "config-kelly-average-win").isInvalid()).isFalse();

        field(form, "config-kelly-win-rate").setValue("0.55");
        field(form, "config-kelly-cap").setValue("0.01");
        assertThat(validate(form)).isEmpty();
        StrategyConfig c = StrategyConfigLoader.parse(form.document()).config();
        assertThat(c.sizing()).isEqualTo(StrategyConfig.Sizing.HALF_KELLY);
        assertThat(c.kelly()).isEqualTo(new StrategyConfig.Kelly(new BigDecimal("0.55"), new BigDecimal("150"), new BigDecimal("100"), new BigDecimal("0.01")));
        assertThat(c.atr()).as("the ATR inputs belong to sizing atr").isNull();
    }

    @Test
    void max_positions_and_trading_hours_are_fields_too() {
        ConfigForm form = new ConfigForm();
        form.read(DOC, Strategies.definition("momentum").schema().specs());
        field(form, "config-max-positions").setValue("2");
        field(form, "config-trading-hours-start").setValue("09:30");
        field(form, "config-trading-hours-end").setValue("09:00");
        assertThat(validate(form)).isEmpty();
        assertThat(field(form, "config-trading-hours-end").getErrorMessage()).startsWith("must be later than trading_hours.start");
        field(form, "config-trading-hours-end").setValue("15:15");
        assertThat(validate(form)).isEmpty();
        StrategyConfig c = StrategyConfigLoader.parse(form.document()).config();
        assertThat(c.maxPositions()).isEqualTo(2);
        assertThat(c.tradingStart()).isEqualTo(java.time.LocalTime.of(9, 30));
        assertThat(c.tradingEnd()).isEqualTo(java.time.LocalTime.of(15, 15));
    }
}
