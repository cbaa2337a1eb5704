package io.tradepilot.engine.backtest;

import io.tradepilot.engine.portfolio.RoundTrip;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code trades.csv}: header {@code entry_time,entry_price,exit_time,exit_price,quantity,pnl_gross,fees,pnl_net},
 * one row per closed round trip in closing order. Times are fill times ({@link ReportTimes}); amounts
 * exact, plain decimal notation without trailing zeros; {@code pnl_gross} before fees, {@code fees} both
 * legs, {@code pnl_net = pnl_gross - fees}.
 */
public final class TradesCsvWriter {
    public static final String HEADER = "entry_time,entry_price,exit_time,exit_price,quantity,pnl_gross,fees,pnl_net";

    private TradesCsvWriter() {}

    /** Exact, plain notation, without trailing zeros ({@code 1500.50000} is written {@code 1500.5}). */
    static String plain(java.math.BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    public static void write(BacktestResult result, Writer out) throws IOException {
        ReportTimes times = new ReportTimes(result.data());
        out.write(HEADER);
        out.write('\n');
        StringBuilder sb = new StringBuilder(128);
        for (RoundTrip t : result.trades()) {
            sb.setLength(0);
            sb.append(times.format(t.entryTime())).append(',').append(plain(t.entryPrice())).append(',')
                    .append(times.format(t.exitTime())).append(',').append(plain(t.exitPrice())).append(',')
                    .append(plain(t.quantity())).append(',').append(plain(t.grossPnl())).append(',')
                    .append(plain(t.fees())).append(',').append(plain(t.netPnl())).append('\n');
            out.write(sb.toString());
        }
    }
}
