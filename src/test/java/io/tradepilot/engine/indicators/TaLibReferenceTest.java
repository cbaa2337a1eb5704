package io.tradepilot.engine.indicators;

import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bit-for-bit agreement with TA-Lib. {@code ta_lib_expected.csv} was computed by TA-Lib 0.4.0's Java port
 * ({@code com.tictactec:ta-lib:0.4.0}, default compatibility, no unstable period; SMA, EMA, WMA, STDDEV,
 * MAX on highs, MIN on lows, BBANDS(SMA, 2, 2) for periods 3 and 20, RSI 2 and 14, ATR 1 and 14) over
 * {@code ta_lib_input.csv} (300 seeded synthetic daily bars: {@code SyntheticMarket.Spec.nseDaily("REF", 300, 2024)}).
 * The same comparison was run once over all 49 NIFTY-50 daily files and 6 NSE 5-minute files of
 * ../shared/data: every value identical. The library is not a project dependency; only its output is kept.
 */
class TaLibReferenceTest {

    @Test
    void every_value_and_every_warm_up_equals_ta_lib() throws Exception {
        Path dir = Path.of(getClass().getResource("/indicators").toURI());
        BarSeries s = CsvBarReader.read(dir.resolve("ta_lib_input.csv"), ZoneId.of("Asia/Kolkata"));
        double[] c = s.closes(), h = s.highs(), l = s.lows();
        List<String> lines = Files.readAllLines(dir.resolve("ta_lib_expected.csv")).stream().filter(x -> !x.startsWith("#")).toList();
        String[] header = lines.getFirst().split(",");
        Map<String, double[]> mine = new LinkedHashMap<>();
        for (int p : new int[]{3, 20}) {
            mine.put("sma" + p, Indicators.sma(c, p));
            mine.put("ema" + p, Indicators.ema(c, p));
            mine.put("wma" + p, Indicators.wma(c, p));
            mine.put("std" + p, Indicators.stdDev(c, p));
            mine.put("max" + p, Indicators.highest(h, p));
            mine.put("min" + p, Indicators.lowest(l, p));
            Indicators.Bands b = Indicators.bollinger(c, p, 2.0);
            mine.put("bb" + p + "_lower", b.lower());
            mine.put("bb" + p + "_middle", b.middle());
            mine.put("bb" + p + "_upper", b.upper());
        }
        mine.put("rsi2", Indicators.rsi(c, 2));
        mine.put("rsi14", Indicators.rsi(c, 14));
        mine.put("atr1", Indicators.atr(h, l, c, 1));
        mine.put("atr14", Indicators.atr(h, l, c, 14));
        assertThat(List.of(header).subList(1, header.length)).containsExactlyElementsOf(new ArrayList<>(mine.keySet()));
        assertThat(lines).hasSize(s.size() + 1);
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = lines.get(row).split(",", -1);
            int i = Integer.parseInt(cells[0]);
            for (int col = 1; col < header.length; col++) {
                double actual = mine.get(header[col])[i];
                if (cells[col].isEmpty()) {
                    assertThat(actual).as("%s[%d] is in TA-Lib's warm-up", header[col], i).isNaN();
                } else {
                    assertThat(actual).as("%s[%d]", header[col], i).isEqualTo(Double.parseDouble(cells[col]));
                }
            }
        }
    }
}
