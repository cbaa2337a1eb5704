package io.tradepilot.engine.research;

import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The bundled synthetic fixtures (test resources research/SYNA.csv, SYNB.csv) and the shared real data, as arrays. */
final class ResearchData {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final Path SHARED = Path.of("..", "shared", "data", "nifty50_daily_2000_2021");

    private ResearchData() {}

    static BarArrays fixture(String symbol) {
        try {
            Path p = Path.of(ResearchData.class.getResource("/research/" + symbol + ".csv").toURI());
            return arrays(CsvBarReader.read(p, IST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<BarArrays> fixtures() {
        return List.of(fixture("SYNA"), fixture("SYNB"));
    }

    /** The 49 NIFTY-50 daily series; skips the test (saying why) when ../shared/data is absent. */
    static List<BarArrays> nifty() {
        assumeTrue(Files.isDirectory(SHARED), "shared data folder " + SHARED.toAbsolutePath().normalize()
                + " is absent: this test needs the project's ../shared/data checkout");
        List<BarArrays> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SHARED)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().startsWith("_")).sorted().toList()) {
                out.add(arrays(CsvBarReader.read(f, IST)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static BarArrays arrays(BarSeries s) {
        return new BarArrays(Instrument.nseEquity(s.symbol()), s.startsMillis(), s.scaledOpens(), s.scaledHighs(), s.scaledLows(),
                s.scaledCloses(), s.volumes(), s.priceScale(), s.zone());
    }
}
