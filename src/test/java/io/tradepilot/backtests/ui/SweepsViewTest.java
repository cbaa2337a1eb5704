package io.tradepilot.backtests.ui;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.BacktestRequest;
import io.tradepilot.backtests.BacktestRun;
import io.tradepilot.backtests.Backtests;
import io.tradepilot.backtests.RunResult;
import io.tradepilot.backtests.SweepInfo;
import io.tradepilot.backtests.SweepReport;
import io.tradepilot.backtests.SweepRequest;
import io.tradepilot.backtests.Sweeps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep form: a field per parameter of the chosen strategy, read into a request; a refusal shows on the field it names. */
class SweepsViewTest {

    private static final List<BacktestData.SeriesInfo> SERIES = List.of(
            new BacktestData.SeriesInfo("AAA", Instant.parse("2019-01-01T18:30:00Z"), Instant.parse("2020-12-30T18:30:00Z"), 500, "test"));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_operator_gets_a_field_per_parameter_and_a_refusal_on_the_parameter_it_names() {
        var operator = new TestingAuthenticationToken("op", null, "ROLE_OPERATOR");
        operator.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(operator);
        AtomicReference<SweepRequest> submitted = new AtomicReference<>();
        var stored = new Backtests.StoredConfiguration("sma", 2, "sma-cross", List.of("AAA"), "type: sma-cross\n");
        SweepsView view = new SweepsView(sweeps(submitted), backtests(List.of(stored)));
        assertThat(view.strategy.getValue()).isEqualTo("sma-cross");
        assertThat(view.ranges.keySet()).containsExactly("fast", "slow");
        view.ranges.get("fast").setValue("5:20:5");
        view.samples.setValue(10);
        view.seed.setValue(7);
        view.submit();
        SweepRequest r = submitted.get();
        assertThat(r.parameters()).isEqualTo(Map.of("fast", "5:20:5"));
        assertThat(r.samples()).isEqualTo(10);
        assertThat(r.seed()).isEqualTo(7L);
        assertThat(r.chunkSize()).isEqualTo(25);
        assertThat(r.run().configKey()).isEqualTo("sma");
        assertThat(view.ranges.get("fast").isInvalid()).as("refused on fast: see the fake").isTrue();
        assertThat(view.ranges.get("fast").getErrorMessage()).isEqualTo("fast: step must be positive");
    }

    static Sweeps sweeps(AtomicReference<SweepRequest> submitted) {
        return new Sweeps() {
            @Override
            public SweepInfo submit(SweepRequest request) {
                submitted.set(request);
                throw BacktestRefusal.badParameter("parameters.fast", "fast: step must be positive");
            }

            @Override
            public List<SweepInfo> sweeps(int limit) {
                return List.of();
            }

            @Override
            public SweepInfo sweep(long id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public SweepInfo cancel(long id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public SweepReport report(long id, String metric, String x, String y) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, List<String>> strategyParameters() {
                return Map.of("sma-cross", List.of("fast", "slow"));
            }
        };
    }

    static Backtests backtests(List<Backtests.StoredConfiguration> configurations) {
        return new Backtests() {
            @Override
            public BacktestRun submit(BacktestRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<BacktestRun> runs(int limit) {
                return List.of();
            }

            @Override
            public BacktestRun run(long id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public BacktestRun cancel(long id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public RunResult result(long id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String reportHtml(long id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<BacktestData.SeriesInfo> series() {
                return SERIES;
            }

            @Override
            public List<StoredConfiguration> configurations() {
                return configurations;
            }

            @Override
            public List<io.tradepilot.strategies.Universe> universes() {
                return List.of();
            }
        };
    }
}
