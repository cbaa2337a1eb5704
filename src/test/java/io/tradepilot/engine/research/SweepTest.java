package io.tradepilot.engine.research;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.strategy.Strategies;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepTest {
    static final List<ParameterAxis> SMA_AXES = List.of(ParameterAxis.parse("fast=2:20:6"), ParameterAxis.parse("slow=10,20,40,80"));

    @Test
    void a_grid_enumerates_valid_combinations_in_order_and_counts_the_refused_ones() {
        ParameterSpace space = ParameterSpace.grid("sma-cross", SMA_AXES);
        // fast 2, 8, 14, 20 x slow 10, 20, 40, 80: slow > fast refuses 14/10, 20/10 and 20/20
        assertThat(space.size()).isEqualTo(13);
        assertThat(space.skipped()).isEqualTo(3);
        assertThat(space.cells().getFirst().params()).isEqualTo(Map.of("fast", "2", "slow", "10"));
        assertThat(space.cells().get(1).label()).isEqualTo("fast=2 slow=20");
        for (int i = 0; i < space.size(); i++) assertThat(space.cells().get(i).index()).isEqualTo(i);
    }

    @Test
    void a_random_space_is_a_seeded_sample_of_the_grid() {
        ParameterSpace a = ParameterSpace.random("sma-cross", SMA_AXES, 6, 42), b = ParameterSpace.random("sma-cross", SMA_AXES, 6, 42);
        assertThat(a.cells()).isEqualTo(b.cells());
        assertThat(a.size()).isEqualTo(6);
        assertThat(ParameterSpace.random("sma-cross", SMA_AXES, 6, 43).cells()).isNotEqualTo(a.cells());
        List<Map<String, String>> grid = ParameterSpace.grid("sma-cross", SMA_AXES).cells().stream().map(Cell::params).toList();
        assertThat(a.cells()).allSatisfy(c -> assertThat(grid).contains(c.params()));
        assertThat(a.cells().stream().map(Cell::params).distinct().count()).isEqualTo(6);
        assertThat(ParameterSpace.random("sma-cross", SMA_AXES, 100, 1).size()).isEqualTo(13);
    }

    @Test
    void bad_axes_are_refused_naming_every_problem() {
        assertThatThrownBy(() -> ParameterSpace.grid("sma-cross", List.of(ParameterAxis.parse("fats=1,2"), ParameterAxis.parse("slow=0,5"))))
                .hasMessageContaining("fats: unknown parameter").hasMessageContaining("slow: must be between 2 and 100000, got 0");
        assertThatThrownBy(() -> ParameterAxis.parse("fast=5:1:1")).hasMessageContaining("below its start");
        assertThatThrownBy(() -> ParameterAxis.parse("fast=1:5:0")).hasMessageContaining("step must be positive");
        assertThatThrownBy(() -> ParameterAxis.parse("fast")).hasMessageContaining("expects name=");
        assertThat(ParameterAxis.parse("x=0.5:1:0.25").values()).containsExactly("0.5", "0.75", "1");
    }

    @Test
    void every_cell_of_an_sma_cross_sweep_equals_an_independent_engine_backtest() {
        List<BarArrays> data = ResearchData.fixtures();
        SweepSpec spec = new SweepSpec(ParameterSpace.grid("sma-cross", SMA_AXES), Quantity.of(10), SmaCrossKernelTest.CLOSE_WITH_FEES).keepingResults();
        Sweep sweep = new Sweep(spec, data, 2);
        assertThat(sweep.usesKernel()).isTrue();
        SweepResult r = sweep.runAll();
        for (CellResult c : r.cells()) {
            assertThat(c.kernel()).isTrue();
            for (int s = 0; s < data.size(); s++) {
                SmaCrossKernelTest.assertSameAsEngine(c.results().get(s), data.get(s), c.cell().integer("fast"), c.cell().integer("slow"),
                        Quantity.of(10), spec.config());
                assertThat(c.series().get(s)).isEqualTo(SeriesOutcome.of(c.results().get(s)));
            }
        }
    }

    @Test
    void a_configuration_the_kernel_cannot_reproduce_runs_the_engine_per_cell() {
        List<BarArrays> data = ResearchData.fixtures();
        BacktestConfig cashOnly = SmaCrossKernelTest.NEXT_OPEN.withCashOnly();
        SweepSpec spec = new SweepSpec(ParameterSpace.grid("sma-cross", SMA_AXES), Quantity.of(500), cashOnly).keepingResults();
        Sweep sweep = new Sweep(spec, data, 2);
        assertThat(sweep.usesKernel()).isFalse();
        for (CellResult c : sweep.runAll().cells()) {
            assertThat(c.kernel()).isFalse();
            BacktestResult engine = Backtest.run(data.getFirst(), Strategies.create("sma-cross", c.cell().params(), Quantity.of(500)), cashOnly);
            assertThat(c.results().getFirst().trades()).isEqualTo(engine.trades());
            assertThat(c.results().getFirst().metrics()).isEqualTo(engine.metrics());
        }
    }

    @Test
    void a_generic_strategy_sweep_runs_the_engine_per_cell_in_parallel() {
        List<BarArrays> data = ResearchData.fixtures();
        ParameterSpace space = ParameterSpace.grid("mean-reversion", List.of(ParameterAxis.parse("lookback=10,20,30"), ParameterAxis.parse("entryZ=1.5,2")));
        BacktestConfig config = SmaCrossKernelTest.NEXT_OPEN;
        SweepResult r = new Sweep(new SweepSpec(space, Quantity.of(10), config).keepingResults(), data, 2).runAll();
        assertThat(r.cells()).hasSize(6);
        for (CellResult c : r.cells()) {
            for (int s = 0; s < data.size(); s++) {
                BacktestResult engine = Backtest.run(data.get(s), Strategies.create("mean-reversion", c.cell().params(), Quantity.of(10)), config);
                assertThat(c.results().get(s).trades()).as(c.cell().label()).isEqualTo(engine.trades());
                assertThat(c.series().get(s)).isEqualTo(SeriesOutcome.of(engine));
            }
        }
    }

    @Test
    void the_union_of_any_chunking_equals_the_whole_sweep_whatever_the_threads() {
        List<BarArrays> data = ResearchData.fixtures();
        SweepSpec spec = new SweepSpec(ParameterSpace.grid("sma-cross", List.of(ParameterAxis.parse("fast=1:30:1"), ParameterAxis.parse("slow=5:60:5"))),
                Quantity.of(7), SmaCrossKernelTest.NEXT_OPEN).keepingReturns();
        SweepResult whole = new Sweep(spec, data, 1).runAll();
        int n = spec.space().size();
        Random rnd = new Random(3);
        for (int trial = 0; trial < 5; trial++) {
            int size = 1 + rnd.nextInt(n);
            List<int[]> ranges = SweepChunk.ranges(n, size);
            int covered = 0;
            for (int[] g : ranges) {
                assertThat(g[0]).isEqualTo(covered);
                covered = g[1];
            }
            assertThat(covered).isEqualTo(n);
            Sweep sweep = new Sweep(spec, data, 2);
            List<SweepChunk> chunks = new ArrayList<>();
            for (int[] g : ranges) chunks.add(sweep.runChunk(g[0], g[1]));
            Collections.shuffle(chunks, rnd); // chunks come back in any order
            SweepResult merged = SweepResult.merge(spec.space(), sweep.symbols(), sweep.dates(), chunks);
            assertThat(merged.cells()).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(merged.cells().get(i).cell()).isEqualTo(whole.cells().get(i).cell());
                assertThat(merged.cells().get(i).series()).isEqualTo(whole.cells().get(i).series());
                assertThat(merged.cells().get(i).returns()).containsExactly(whole.cells().get(i).returns());
            }
        }
    }

    @Test
    void merging_refuses_gaps_and_overlaps() {
        List<BarArrays> data = ResearchData.fixtures();
        SweepSpec spec = new SweepSpec(ParameterSpace.grid("sma-cross", SMA_AXES), Quantity.of(1), SmaCrossKernelTest.NEXT_OPEN);
        Sweep sweep = new Sweep(spec, data, 1);
        SweepChunk a = sweep.runChunk(0, 5), b = sweep.runChunk(4, 13), c = sweep.runChunk(6, 13);
        assertThatThrownBy(() -> SweepResult.merge(spec.space(), sweep.symbols(), sweep.dates(), List.of(a, b))).hasMessageContaining("overlap at cell 4");
        assertThatThrownBy(() -> SweepResult.merge(spec.space(), sweep.symbols(), sweep.dates(), List.of(a, c))).hasMessageContaining("cells 5..5 missing");
        assertThatThrownBy(() -> SweepResult.merge(spec.space(), sweep.symbols(), sweep.dates(), List.of(a))).hasMessageContaining("cells 5..12 missing");
        assertThatThrownBy(() -> sweep.runChunk(3, 14)).hasMessageContaining("outside");
    }

    @Test
    void a_heatmap_places_each_cell_and_leaves_non_cells_empty() {
        SweepResult r = new Sweep(new SweepSpec(ParameterSpace.grid("sma-cross", SMA_AXES), Quantity.of(10), SmaCrossKernelTest.NEXT_OPEN),
                ResearchData.fixtures(), 2).runAll();
        Heatmap h = Heatmap.of(r, SweepMetric.PNL_NET, "fast", "slow");
        assertThat(h.xValues()).containsExactly("2", "8", "14", "20");
        assertThat(h.yValues()).containsExactly("10", "20", "40", "80");
        assertThat(h.values()[1][3]).isNaN(); // fast 20, slow 20: not a cell
        assertThat(h.values()[0][2]).isNaN(); // fast 14, slow 10
        CellResult c = r.cells().stream().filter(x -> x.cell().label().equals("fast=8 slow=40")).findFirst().orElseThrow();
        assertThat(h.values()[2][1]).isEqualTo(c.pnlNet().doubleValue());
        assertThat(r.ranked(SweepMetric.SHARPE).getFirst().metric(SweepMetric.SHARPE))
                .isEqualTo(r.cells().stream().mapToDouble(x -> x.metric(SweepMetric.SHARPE)).filter(d -> !Double.isNaN(d)).max().orElseThrow());
        assertThatThrownBy(() -> Heatmap.of(r, SweepMetric.SHARPE, "fast", "period")).hasMessageContaining("not a swept parameter");
    }

    @Test
    void overfitting_flags_come_from_the_cells_returns() {
        SweepResult r = new Sweep(new SweepSpec(ParameterSpace.grid("sma-cross", List.of(ParameterAxis.parse("fast=1:30:2"), ParameterAxis.parse("slow=10:90:10"))),
                Quantity.of(10), SmaCrossKernelTest.NEXT_OPEN).keepingReturns(), ResearchData.fixtures(), 2).runAll();
        List<CellResult> top = r.ranked(SweepMetric.SHARPE).subList(0, 3);
        Overfitting.Report report = Overfitting.analyse(r, top, 0.5, 252, 8);
        assertThat(report.best()).hasSize(3);
        assertThat(report.pbo().combinations()).isEqualTo(70);
        assertThat(report.pbo().pbo()).isBetween(0.0, 1.0);
        for (Overfitting.Flag f : report.best()) {
            assertThat(f.dsr()).isBetween(0.0, 1.0);
            assertThat(f.gap()).isEqualTo(f.sharpeInSample() - f.sharpeOutOfSample());
        }
        // the in-sample optimiser's choice has the highest in-sample Sharpe of all cells
        for (CellResult c : r.cells()) {
            double is = ReturnStats.of(c.returns(), 0, report.splitIndex()).sharpe() * Math.sqrt(252);
            if (!Double.isNaN(is)) assertThat(report.bestInSample().sharpeInSample()).isGreaterThanOrEqualTo(is);
        }
    }

    @Test
    void the_quantity_is_required_for_a_fixed_size_strategy() {
        assertThatThrownBy(() -> new Sweep(new SweepSpec(ParameterSpace.grid("sma-cross", SMA_AXES), null, BacktestConfig.of(BigDecimal.TEN)),
                ResearchData.fixtures(), 1)).hasMessageContaining("fixed quantity");
    }
}
