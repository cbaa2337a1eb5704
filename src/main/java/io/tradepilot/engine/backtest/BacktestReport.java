package io.tradepilot.engine.backtest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Writes a backtest's three report files into a directory. */
public final class BacktestReport {
    public static final String TRADES = "trades.csv";
    public static final String EQUITY = "equity.csv";
    public static final String METRICS = "metrics.json";

    private BacktestReport() {}

    private interface Body { void write(BacktestResult r, Writer w) throws IOException; }

    /**
     * Writes {@code trades.csv}, {@code equity.csv} and {@code metrics.json} into {@code dir} (created
     * if missing). All three are written to temporary files first and renamed into place only when all
     * succeeded; on failure no new file is left behind.
     */
    public static void writeAll(BacktestResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        String[] names = {TRADES, EQUITY, METRICS};
        Body[] bodies = {TradesCsvWriter::write, EquityCsvWriter::write, MetricsJsonWriter::write};
        List<Path> temps = new ArrayList<>();
        try {
            for (int i = 0; i < names.length; i++) {
                Path tmp = dir.resolve("." + names[i] + ".tmp");
                temps.add(tmp);
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    bodies[i].write(result, w);
                }
            }
            for (int i = 0; i < names.length; i++) {
                Files.move(temps.get(i), dir.resolve(names[i]), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            for (Path p : temps) Files.deleteIfExists(p);
            throw e;
        }
    }
}
