package io.tradepilot.engine.backtest;

import java.io.IOException;
import java.io.Writer;

/** {@code equity.csv}: header {@code time,cash,equity}, one row per bar, exact amounts without trailing zeros (equity marked at the close). */
public final class EquityCsvWriter {
    public static final String HEADER = "time,cash,equity";

    private EquityCsvWriter() {}

    public static void write(BacktestResult result, Writer out) throws IOException {
        ReportTimes times = new ReportTimes(result.data());
        out.write(HEADER);
        out.write('\n');
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < result.bars(); i++) {
            EquityPoint p = result.equityAt(i);
            sb.setLength(0);
            sb.append(times.format(p.time())).append(',').append(TradesCsvWriter.plain(p.cash())).append(',').append(TradesCsvWriter.plain(p.equity())).append('\n');
            out.write(sb.toString());
        }
    }
}
