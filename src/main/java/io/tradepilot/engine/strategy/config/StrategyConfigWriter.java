package io.tradepilot.engine.strategy.config;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link StrategyConfig} as the YAML document {@link StrategyConfigLoader} reads, in one canonical
 * form: keys in a fixed order, every parameter written (defaults included), texts and times double-quoted,
 * numbers exact ({@link BigDecimal#toPlainString()}). Contract: for a configuration {@code c} the loader
 * produced, {@code StrategyConfigLoader.parse(toYaml(c)).config()} equals {@code c} (decimals compare by
 * value: a decimal written {@code 2.0} reads back as {@code 2.0}), and writing that again gives the same text.
 */
public final class StrategyConfigWriter {
    private StrategyConfigWriter() {
    }

    public static String toYaml(StrategyConfig c) {
        StringBuilder y = new StringBuilder();
        y.append("type: ").append(quote(c.type())).append('\n');
        y.append("name: ").append(quote(c.name())).append('\n');
        y.append("enabled: ").append(c.enabled()).append('\n');
        if (c.universe() != null) {
            y.append("universe: ").append(quote(c.universe())).append('\n');
        } else {
            y.append("symbols: [");
            for (int i = 0; i < c.symbols().size(); i++) y.append(i == 0 ? "" : ", ").append(quote(c.symbols().get(i)));
            y.append("]\n");
        }
        y.append("parameters:");
        if (c.parameters().asMap().isEmpty()) y.append(" {}");
        y.append('\n');
        for (Map.Entry<String, Object> e : c.parameters().asMap().entrySet()) {
            y.append("  ").append(e.getKey()).append(": ").append(value(e.getValue())).append('\n');
        }
        y.append("sizing: ").append(quote(c.sizing().word())).append('\n');
        if (c.quantity() != null) y.append("quantity: ").append(c.quantity().toPlainString()).append('\n');
        if (c.riskPerTradePercent() != null) y.append("risk_per_trade: ").append(c.riskPerTradePercent().toPlainString()).append('\n');
        if (c.atr() != null) {
            y.append("atr: {period: ").append(c.atr().period()).append(", multiple: ").append(c.atr().multiple().toPlainString()).append("}\n");
        }
        if (c.kelly() != null) {
            y.append("kelly: {win_rate: ").append(c.kelly().winRate().toPlainString()).append(", average_win: ")
                    .append(c.kelly().averageWin().toPlainString()).append(", average_loss: ").append(c.kelly().averageLoss().toPlainString())
                    .append(", cap: ").append(c.kelly().cap().toPlainString()).append("}\n");
        }
        if (c.maxQuantity() != null) y.append("max_quantity: ").append(c.maxQuantity().toPlainString()).append('\n');
        if (c.twap() != null) {
            y.append("twap: {above: ").append(c.twap().above().toPlainString()).append(", slices: ").append(c.twap().slices()).append("}\n");
        }
        if (c.maxPositions() > 0) y.append("max_positions: ").append(c.maxPositions()).append('\n');
        y.append("intraday: ").append(c.intraday()).append('\n');
        if (c.tradingStart() != null) {
            y.append("trading_hours: {start: ").append(value(c.tradingStart())).append(", end: ").append(value(c.tradingEnd())).append("}\n");
        }
        if (!c.blackouts().isEmpty()) {
            y.append("blackouts:\n");
            for (StrategyConfig.Window w : c.blackouts()) {
                List<String> parts = new java.util.ArrayList<>();
                if (w.date() != null) parts.add("date: " + quote(w.date().toString()));
                if (w.start() != null) parts.add("start: " + value(w.start()) + ", end: " + value(w.end()));
                y.append("  - {").append(String.join(", ", parts)).append("}\n");
            }
        }
        if (c.minVolumeRatio() != null || c.maxSpreadBps() != null) {
            y.append("entry_conditions:\n");
            if (c.minVolumeRatio() != null) y.append("  min_volume_ratio: ").append(c.minVolumeRatio().toPlainString()).append('\n');
            if (c.maxSpreadBps() != null) y.append("  max_spread_bps: ").append(c.maxSpreadBps().toPlainString()).append('\n');
        }
        return y.toString();
    }

    private static String value(Object v) {
        return switch (v) {
            case BigDecimal d -> d.toPlainString();
            case LocalTime t -> quote(t.toString());
            case String s -> quote(s);
            default -> String.valueOf(v);
        };
    }

    /** A double-quoted YAML scalar (JSON escaping, which YAML's double-quoted style reads the same). */
    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (ch < 0x20) q.append(String.format("\\u%04x", (int) ch));
                    else q.append(ch);
                }
            }
        }
        return q.append('"').toString();
    }
}
