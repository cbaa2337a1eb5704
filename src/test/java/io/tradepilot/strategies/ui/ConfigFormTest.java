package io.tradepilot.strategies.ui;

import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.config.StrategyConfig;
import io.tradepilot.engine.strategy.config.StrategyConfigLoader;
import io.tradepilot.engine.strategy.params.Problem;
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

        List<Problem> rest = form.show(List.of(new Problem("sizing", "x"), new Problem("risk_per_trade", "y"), new Problem("atr.period", "z")));
        assertThat(rest).extracting(Problem::path).containsExactly("atr.period");
    }
}
