package io.tradepilot.backtests.ui;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.backtests.BacktestMode;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.BacktestRequest;
import io.tradepilot.backtests.Backtests;
import io.tradepilot.backtests.FeeModel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The run form reads into a request and shows a refusal on the field it names. */
class BacktestFormTest {

    private static final List<BacktestData.SeriesInfo> SERIES = List.of(
            new BacktestData.SeriesInfo("AAA", Instant.parse("2019-01-01T18:30:00Z"), Instant.parse("2020-12-30T18:30:00Z"), 500, "test"),
            new BacktestData.SeriesInfo("BBB", Instant.parse("2019-01-01T18:30:00Z"), Instant.parse("2020-12-30T18:30:00Z"), 500, "test"));

    @Test
    void a_stored_version_preselects_its_known_symbols_and_reads_into_a_request() {
        var stored = new Backtests.StoredConfiguration("sma", 3, "sma-cross", List.of("AAA", "ZZZ"), "type: sma-cross\n");
        BacktestForm form = new BacktestForm(List.of(stored), SERIES);
        assertThat(form.symbols.getSelectedItems()).containsExactly("AAA");
        assertThat(form.from.getValue()).isEqualTo(LocalDate.of(2019, 1, 2));
        form.fee.setValue(FeeModel.PERCENT);
        form.feeValue.setValue(new BigDecimal("0.1"));
        BacktestRequest r = form.request();
        assertThat(r.configKey()).isEqualTo("sma");
        assertThat(r.configVersion()).isEqualTo(3);
        assertThat(r.draft()).isNull();
        assertThat(r.symbols()).containsExactly("AAA");
        assertThat(r.fee()).isEqualTo(FeeModel.PERCENT);
        assertThat(r.feeValue()).isEqualByComparingTo("0.1");
        assertThat(r.quantity()).isEqualByComparingTo("100");
    }

    @Test
    void without_stored_versions_the_draft_is_used_and_a_refusal_shows_on_its_field_only() {
        BacktestForm form = new BacktestForm(List.of(), SERIES);
        assertThat(form.source.getValue()).isEqualTo(BacktestForm.DRAFT);
        form.draft.setValue("type: sma-cross\n");
        assertThat(form.request().draft()).isEqualTo("type: sma-cross\n");
        assertThat(form.request().configKey()).isNull();

        assertThat(form.show(BacktestRefusal.badParameter("to", "The last day must not be before the first."))).isTrue();
        assertThat(form.to.isInvalid()).isTrue();
        assertThat(form.to.getErrorMessage()).isEqualTo("The last day must not be before the first.");
        assertThat(form.show(BacktestRefusal.badParameter("cash", "The cash must be above 0."))).isTrue();
        assertThat(form.to.isInvalid()).as("an earlier message is cleared").isFalse();
        assertThat(form.cash.isInvalid()).isTrue();
        assertThat(form.show(new BacktestRefusal(503, "AUDIT_UNAVAILABLE", null, "x"))).as("no field: the page shows it").isFalse();
    }

    @Test
    void portfolio_mode_shows_its_limits_reads_them_into_the_request_and_shows_their_refusals() {
        BacktestForm form = new BacktestForm(List.of(), SERIES);
        assertThat(form.mode.getValue()).isEqualTo(BacktestMode.INDEPENDENT);
        assertThat(form.maxPositions.isVisible()).isFalse();
        assertThat(form.heatCap.isVisible()).isFalse();
        assertThat(form.buyingPower.isVisible()).isFalse();
        assertThat(form.request().maxPositions()).isNull();
        assertThat(form.request().buyingPower()).isNull();

        form.mode.setValue(BacktestMode.PORTFOLIO);
        assertThat(form.maxPositions.isVisible()).isTrue();
        assertThat(form.heatCap.isVisible()).isTrue();
        assertThat(form.buyingPower.isVisible()).isTrue();
        assertThat(form.cashOnly.isVisible()).as("a portfolio checks cash with buying power").isFalse();
        form.maxPositions.setValue(2);
        form.heatCap.setValue(new BigDecimal("0.5"));
        BacktestRequest r = form.request();
        assertThat(r.mode()).isEqualTo(BacktestMode.PORTFOLIO);
        assertThat(r.maxPositions()).isEqualTo(2);
        assertThat(r.heatCap()).isEqualByComparingTo("0.5");
        assertThat(r.buyingPower()).isTrue();
        assertThat(r.cashOnly()).isNull();

        assertThat(form.show(BacktestRefusal.badParameter("heatCap", "The heat cap must be above 0."))).isTrue();
        assertThat(form.heatCap.isInvalid()).isTrue();
        assertThat(form.heatCap.getErrorMessage()).isEqualTo("The heat cap must be above 0.");
        assertThat(form.show(BacktestRefusal.badParameter("maxPositions", "Max positions must be from 0."))).isTrue();
        assertThat(form.maxPositions.isInvalid()).isTrue();
        assertThat(form.heatCap.isInvalid()).isFalse();
    }

    @Test
    void portfolio_mis_leverage_and_groups_read_into_the_request_and_bad_groups_text_is_refused_on_its_field() {
        BacktestForm form = new BacktestForm(List.of(), SERIES);
        assertThat(form.misLeverage.isVisible()).isFalse();
        assertThat(form.correlationGroups.isVisible()).isFalse();
        form.correlationGroups.setValue("g: AAA");
        assertThat(form.request().correlationGroups()).as("independent runs send no groups").isNull();

        form.mode.setValue(BacktestMode.PORTFOLIO);
        assertThat(form.misLeverage.isVisible()).isTrue();
        assertThat(form.correlationGroups.isVisible()).isTrue();
        assertThat(form.maxPositionsPerGroup.isVisible()).isTrue();
        form.misLeverage.setValue(new BigDecimal("5"));
        form.correlationGroups.setValue(" banks: AAA , BBB; it: CCC ");
        form.maxPositionsPerGroup.setValue(2);
        BacktestRequest r = form.request();
        assertThat(r.misLeverage()).isEqualByComparingTo("5");
        assertThat(r.correlationGroups()).containsExactly(java.util.Map.entry("banks", List.of("AAA", "BBB")), java.util.Map.entry("it", List.of("CCC")));
        assertThat(r.maxPositionsPerGroup()).isEqualTo(2);
        assertThat(io.tradepilot.backtests.CorrelationGroups.format(r.correlationGroups())).isEqualTo("banks: AAA, BBB; it: CCC");

        form.correlationGroups.setValue("banks AAA");
        try {
            form.request();
            org.junit.jupiter.api.Assertions.fail("groups without a name are refused");
        } catch (BacktestRefusal refusal) {
            assertThat(refusal.field()).isEqualTo("correlationGroups");
            assertThat(form.show(refusal)).isTrue();
            assertThat(form.correlationGroups.isInvalid()).isTrue();
            assertThat(form.correlationGroups.getErrorMessage()).contains("name: SYMBOL, SYMBOL");
        }
        assertThat(form.show(BacktestRefusal.badParameter("misLeverage", "The MIS leverage must be from 1 to 100."))).isTrue();
        assertThat(form.misLeverage.isInvalid()).isTrue();
        assertThat(form.show(BacktestRefusal.badParameter("maxPositionsPerGroup", "x"))).isTrue();
        assertThat(form.maxPositionsPerGroup.isInvalid()).isTrue();
    }

    private static final List<BacktestData.SeriesInfo> RANGES = List.of(
            // alphabetically first and short: it must not set the dates of a run on other symbols
            new BacktestData.SeriesInfo("AAA", Instant.parse("2024-06-02T18:30:00Z"), Instant.parse("2024-06-30T18:30:00Z"), 20, "import"),
            new BacktestData.SeriesInfo("LONG", Instant.parse("2015-01-01T18:30:00Z"), Instant.parse("2025-12-30T18:30:00Z"), 2500, "test"),
            new BacktestData.SeriesInfo("MID", Instant.parse("2018-03-04T18:30:00Z"), Instant.parse("2022-06-29T18:30:00Z"), 1000, "test"));

    @Test
    void the_dates_default_to_the_range_the_chosen_symbols_have_in_common_and_follow_the_choice() {
        BacktestForm form = new BacktestForm(List.of(), RANGES);
        form.symbols.setValue(Set.of("LONG"));
        assertThat(form.from.getValue()).isEqualTo(LocalDate.of(2015, 1, 2));
        assertThat(form.to.getValue()).isEqualTo(LocalDate.of(2025, 12, 31));
        form.symbols.setValue(Set.of("LONG", "MID"));
        assertThat(form.from.getValue()).as("the latest first bar").isEqualTo(LocalDate.of(2018, 3, 5));
        assertThat(form.to.getValue()).as("the earliest last bar").isEqualTo(LocalDate.of(2022, 6, 30));
        form.symbols.setValue(Set.of("AAA", "MID"));
        assertThat(form.from.getValue()).as("no common range: left alone").isEqualTo(LocalDate.of(2018, 3, 5));
    }

    @Test
    void a_universe_is_chosen_in_place_of_symbols_its_symbols_without_data_are_listed_and_a_refusal_shows_on_it() {
        var universe = new io.tradepilot.strategies.Universe("Mine", "NSE", List.of("MID", "LONG", "NODATA"), 1, "op", Instant.EPOCH, "r");
        var stored = new Backtests.StoredConfiguration("sma", 3, "sma-cross", List.of(), "type: sma-cross\n", "Mine");
        BacktestForm form = new BacktestForm(List.of(stored), RANGES, List.of(universe));
        assertThat(form.instruments.getValue()).as("the stored version names the universe").isEqualTo(BacktestForm.UNIVERSE);
        assertThat(form.universe.getValue()).isEqualTo(universe);
        assertThat(form.symbols.isVisible()).isFalse();
        assertThat(form.universeReport.getText()).isEqualTo("3 symbols; no stored data for 1: NODATA. A run on this universe is refused until "
                + "they are imported (Data page); or choose symbols one by one.");
        assertThat(form.from.getValue()).isEqualTo(LocalDate.of(2018, 3, 5));
        assertThat(form.to.getValue()).isEqualTo(LocalDate.of(2022, 6, 30));
        BacktestRequest r = form.request();
        assertThat(r.universe()).isEqualTo("Mine");
        assertThat(r.symbols()).isEmpty();
        assertThat(form.show(new BacktestRefusal(422, "NO_DATA", "universe", "no data for NODATA"))).isTrue();
        assertThat(form.universe.isInvalid()).isTrue();

        form.instruments.setValue(BacktestForm.SYMBOLS);
        form.symbols.setValue(Set.of("LONG"));
        assertThat(form.request().universe()).isNull();
        assertThat(form.request().symbols()).containsExactly("LONG");
        assertThat(form.from.getValue()).isEqualTo(LocalDate.of(2015, 1, 2));
    }
}
