package io.tradepilot.engine.backtest;

import io.tradepilot.engine.portfolio.RoundTrip;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code trades.csv}: header {@code entry_time,entry_price,exit_time,exit_price,quantity,pnl,fees,pnl_net},
 * one row per closed round trip in closing order. Times are fill times ({@link ReportTimes}); amounts
 * exact, plain decimal notation; {@code pnl} gross, {@code fees} both legs, {@code pnl_net = pnl - fees}.
 */
public final class TradesCsvWriter {
    public static final String HEADER = "entry_time,entry_price,exit_time,exit_price,quantity,pnl,fees,pnl_net";

    private TradesCsvWriter() {}

    public static void write(BacktestResult result, Writer out) throws IOException {
        ReportTimes times = new ReportTimes(result.data());
        out.write(HEADER);
        out.write('\n');
        StringBuilder sb = new StringBuilder(128);
        for (RoundTrip t : result.trades()) {
            sb.setLength(0);
            sb.append(times.format(t.entryTime())).append(',').append(t.entryPrice().toPlainString()).append(',')
                    .append(times.format(t.exitTime())).append(',').append(t.exitPrice().toPlainString()).append(',')
                    .append(t.quantity().toPlainString()).append(',').append(t.grossPnl().toPlainString()).append(',')
                    .append(t.fees().toPlainString()).append(',').append(t.netPnl().toPlainString()).append('\n');
            out.write(sb.toString());
        }
    }
}
