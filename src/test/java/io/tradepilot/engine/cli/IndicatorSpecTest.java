package io.tradepilot.engine.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorSpecTest {

    @Test
    void names_are_kind_then_period_case_insensitively_with_an_optional_bollinger_width() throws Exception {
        IndicatorSpec bb = IndicatorSpec.parse("BB20x2.5");
        assertThat(bb.kind()).isEqualTo(IndicatorSpec.Kind.BB);
        assertThat(bb.period()).isEqualTo(20);
        assertThat(bb.width()).isEqualTo(2.5);
        assertThat(bb.columns()).containsExactly("bb20x2.5_lower", "bb20x2.5_middle", "bb20x2.5_upper");
        assertThat(IndicatorSpec.parse("bb20").width()).isEqualTo(2.0);
        assertThat(IndicatorSpec.parse(" volratio20 ").columns()).containsExactly("volratio20");
        assertThat(IndicatorSpec.parseList(IndicatorSpec.DEFAULT_LIST)).extracting(IndicatorSpec::name)
                .containsExactly("rsi14", "atr14", "wma20", "wma50", "wma100", "sma20", "ema20", "volratio20");
        assertThat(IndicatorSpec.parseList("hh20,ll20,std20")).extracting(IndicatorSpec::kind)
                .containsExactly(IndicatorSpec.Kind.HH, IndicatorSpec.Kind.LL, IndicatorSpec.Kind.STD);
    }

    @Test
    void unknown_names_bad_periods_misplaced_widths_and_empty_entries_are_refused() {
        for (String bad : List.of("rsi", "14", "macd12", "sma-5", "sma1234567", "rsi 14")) {
            assertThatThrownBy(() -> IndicatorSpec.parse(bad)).isInstanceOf(UsageException.class).hasMessageStartingWith("unknown indicator");
        }
        assertThatThrownBy(() -> IndicatorSpec.parse("sma20x2")).hasMessage("indicator 'sma20x2': only bb takes a width (e.g. bb20x2.5)");
        assertThatThrownBy(() -> IndicatorSpec.parse("std1")).hasMessage("indicator 'std1': period must be 2..100000");
        assertThatThrownBy(() -> IndicatorSpec.parse("sma0")).hasMessage("indicator 'sma0': period must be 1..100000");
        assertThatThrownBy(() -> IndicatorSpec.parseList("sma5,,rsi14")).hasMessage("empty indicator name in 'sma5,,rsi14'");
        assertThatThrownBy(() -> IndicatorSpec.parseList("SMA5,sma5")).hasMessage("indicator 'sma5' given twice");
    }
}
