package io.tradepilot.backtests;

import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.SyntheticMarket;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Test data for backtests: daily synthetic SYNTH-ALPHA, SYNTH-BETA and {@value #GATED} from 2019-01-01 (600 sessions),
 * where loading {@value #GATED} waits for a permit of {@link #GATE} (at most 120 s), so a test holds a run RUNNING
 * until it releases it.
 */
@TestConfiguration
public class GatedBacktestData {

    public static final String GATED = "GATED";
    public static final Semaphore GATE = new Semaphore(0);

    @Bean
    @Primary
    BacktestData gatedBacktestData() {
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        Map<String, BarSeries> all = new LinkedHashMap<>();
        for (String s : List.of("SYNTH-ALPHA", "SYNTH-BETA", GATED)) {
            all.put(s, SyntheticMarket.generate(new SyntheticMarket.Spec(s, zone, LocalDate.of(2019, 1, 1), 600, 1, LocalTime.MIDNIGHT, 0,
                    new BigDecimal("0.05"), new BigDecimal("1000"), 2_000_000, 42L * 31 + s.hashCode())));
        }
        return new BacktestData() {
            @Override
            public List<SeriesInfo> series() {
                return all.values().stream().map(s -> new SeriesInfo(s.symbol(), s.start(0), s.start(s.size() - 1), s.size(), "test")).toList();
            }

            @Override
            public Optional<BarSeries> load(String symbol, LocalDate from, LocalDate to) {
                BarSeries s = all.get(symbol);
                if (s == null) return Optional.empty();
                if (symbol.equals(GATED)) {
                    try {
                        if (!GATE.tryAcquire(120, TimeUnit.SECONDS)) throw new IllegalStateException("the test never released " + GATED);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                int first = 0, last = s.size();
                while (first < s.size() && s.start(first).atZone(s.zone()).toLocalDate().isBefore(from)) first++;
                while (last > first && s.start(last - 1).atZone(s.zone()).toLocalDate().isAfter(to)) last--;
                return Optional.of(s.slice(first, last));
            }
        };
    }
}
