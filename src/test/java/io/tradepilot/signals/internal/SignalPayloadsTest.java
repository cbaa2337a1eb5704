package io.tradepilot.signals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradepilot.signals.SignalAction;
import io.tradepilot.signals.SignalRefusal;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The TradingView and ChartInk payloads as their documentation shows them, and malformed ones. */
class SignalPayloadsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private static ParsedSignal parse(String body) {
        return SignalPayloads.parse(SignalPayloads.json(body.getBytes(StandardCharsets.UTF_8)), TODAY, IST);
    }

    private static String code(String body) {
        try {
            parse(body);
        } catch (SignalRefusal refusal) {
            return refusal.status() + " " + refusal.code() + " " + refusal.field();
        }
        throw new AssertionError("not refused: " + body);
    }

    @Test
    void a_tradingview_strategy_alert_with_its_placeholders_filled_is_read() {
        ParsedSignal s = parse("""
                {"secret":"s3cret","ticker":"NSE:RELIANCE","action":"buy","contracts":"10","price":"2456.35",
                 "time":"2019-08-27T09:56:00Z","timenow":"2019-08-27T09:57:03Z"}""");
        assertThat(s.format()).isEqualTo("TRADINGVIEW");
        assertThat(s.action()).isEqualTo(SignalAction.BUY);
        assertThat(s.items()).containsExactly(new ParsedSignal.Item("RELIANCE", new BigDecimal("2456.35")));
        assertThat(s.quantity()).isEqualByComparingTo("10");
        assertThat(s.time()).as("timenow wins: when the alert fired").isEqualTo(Instant.parse("2019-08-27T09:57:03Z"));
        assertThat(s.secret()).isEqualTo("s3cret");
    }

    @Test
    void tradingview_numbers_may_be_json_numbers_and_close_and_epoch_millis_are_accepted() {
        ParsedSignal s = parse("{\"symbol\":\"aapl\",\"action\":\"SELL\",\"quantity\":5,\"close\":189.5,\"time\":1566899760000}");
        assertThat(s.action()).isEqualTo(SignalAction.SELL);
        assertThat(s.items()).containsExactly(new ParsedSignal.Item("AAPL", new BigDecimal("189.5")));
        assertThat(s.time()).isEqualTo(Instant.parse("2019-08-27T09:56:00Z"));
        assertThat(s.secret()).isNull();
    }

    @Test
    void short_and_cover_are_actions_too() {
        assertThat(parse("{\"ticker\":\"X\",\"action\":\"short\",\"time\":\"2019-08-27T09:56:00Z\"}").action()).isEqualTo(SignalAction.SHORT);
        assertThat(parse("{\"ticker\":\"X\",\"action\":\"cover\",\"time\":\"2019-08-27T09:56:00Z\"}").action()).isEqualTo(SignalAction.COVER);
    }

    @Test
    void malformed_tradingview_payloads_are_refused_with_the_field() {
        assertThat(code("not json")).isEqualTo("400 MALFORMED_SIGNAL null");
        assertThat(code("[1,2]")).isEqualTo("400 MALFORMED_SIGNAL null");
        assertThat(code("{\"ticker\":\"X\",\"action\":\"buy\",\"time\":\"2019-08-27T09:56:00Z\"")).isEqualTo("400 MALFORMED_SIGNAL null");
        assertThat(code("{\"action\":\"buy\",\"time\":\"2019-08-27T09:56:00Z\"}")).isEqualTo("400 MALFORMED_SIGNAL ticker");
        assertThat(code("{\"ticker\":\"X\",\"time\":\"2019-08-27T09:56:00Z\"}")).isEqualTo("400 MALFORMED_SIGNAL action");
        assertThat(code("{\"ticker\":\"X\",\"action\":\"hold\",\"time\":\"2019-08-27T09:56:00Z\"}")).isEqualTo("400 MALFORMED_SIGNAL action");
        assertThat(code("{\"ticker\":\"X\",\"action\":\"{{strategy.order.action}}\",\"time\":\"2019-08-27T09:56:00Z\"}"))
                .as("a placeholder TradingView did not fill").isEqualTo("400 MALFORMED_SIGNAL action");
        assertThat(code("{\"ticker\":\"X\",\"action\":\"buy\",\"contracts\":\"ten\",\"time\":\"2019-08-27T09:56:00Z\"}"))
                .isEqualTo("400 MALFORMED_SIGNAL contracts");
        assertThat(code("{\"ticker\":\"X\",\"action\":\"buy\",\"contracts\":\"-1\",\"time\":\"2019-08-27T09:56:00Z\"}"))
                .isEqualTo("400 MALFORMED_SIGNAL contracts");
        assertThat(code("{\"ticker\":\"X\",\"action\":\"buy\",\"price\":\"0\",\"time\":\"2019-08-27T09:56:00Z\"}"))
                .isEqualTo("400 MALFORMED_SIGNAL price");
        assertThat(code("{\"ticker\":\"X\",\"action\":\"buy\"}")).isEqualTo("400 MISSING_TIME time");
        assertThat(code("{\"ticker\":\"X\",\"action\":\"buy\",\"time\":\"yesterday\"}")).isEqualTo("400 MALFORMED_SIGNAL time");
        assertThat(code("{\"ticker\":{\"a\":1},\"action\":\"buy\",\"time\":\"2019-08-27T09:56:00Z\"}")).isEqualTo("400 MALFORMED_SIGNAL ticker");
    }

    @Test
    void chartinks_documented_scan_alert_is_read_with_every_stock_and_price() {
        ParsedSignal s = parse("""
                {"stocks": "SEPOWER,ASTEC,EDUCOMP,KSERASERA,IOLCP,GUJAPOLLO,EMCO",
                 "trigger_prices": "3.75,541.8,2.1,0.2,329.6,166.8,1.25",
                 "triggered_at": "2:34 pm",
                 "scan_name": "Short term breakouts",
                 "scan_url": "short-term-breakouts",
                 "alert_name": "Alert for Short term breakouts BUY",
                 "webhook_url": "http://your-web-hook-url.com"}""");
        assertThat(s.format()).isEqualTo("CHARTINK");
        assertThat(s.action()).isEqualTo(SignalAction.BUY);
        assertThat(s.items()).hasSize(7).first().isEqualTo(new ParsedSignal.Item("SEPOWER", new BigDecimal("3.75")));
        assertThat(s.items().get(6)).isEqualTo(new ParsedSignal.Item("EMCO", new BigDecimal("1.25")));
        assertThat(s.time()).isEqualTo(Instant.parse("2026-12-07T09:04:00Z"));
        assertThat(s.tickers()).startsWith("SEPOWER,ASTEC,");
    }

    @Test
    void chartinks_action_is_the_word_in_the_alert_or_scan_name() {
        String base = "{\"stocks\":\"A, B\",\"trigger_prices\":\"1, 2\",\"triggered_at\":\"10:05 AM\",";
        assertThat(parse(base + "\"scan_name\":\"Intraday SHORT scan\",\"alert_name\":\"Alert for it\"}").action()).isEqualTo(SignalAction.SHORT);
        assertThat(parse(base + "\"scan_name\":\"x\",\"alert_name\":\"COVER shorts\"}").action()).isEqualTo(SignalAction.COVER);
        assertThat(parse(base + "\"scan_name\":\"x\",\"alert_name\":\"SELL on breakdown\"}").items())
                .extracting(ParsedSignal.Item::ticker).containsExactly("A", "B");
        assertThat(code(base + "\"scan_name\":\"BUYERS\",\"alert_name\":\"breakouts\"}")).as("a word, not a part of one")
                .isEqualTo("400 MALFORMED_SIGNAL alert_name");
        assertThat(code(base + "\"scan_name\":\"Short term breakouts\",\"alert_name\":\"Alert for Short term breakouts\"}"))
                .as("ChartInk's own example names no action: words count in upper case only").isEqualTo("400 MALFORMED_SIGNAL alert_name");
    }

    @Test
    void malformed_chartink_alerts_are_refused() {
        assertThat(code("{\"stocks\":\"A,B\",\"trigger_prices\":\"1\",\"triggered_at\":\"2:34 pm\",\"scan_name\":\"BUY\"}"))
                .isEqualTo("400 MALFORMED_SIGNAL trigger_prices");
        assertThat(code("{\"stocks\":\"A,,B\",\"trigger_prices\":\"1,2,3\",\"triggered_at\":\"2:34 pm\",\"scan_name\":\"BUY\"}"))
                .isEqualTo("400 MALFORMED_SIGNAL stocks");
        assertThat(code("{\"stocks\":\"A\",\"trigger_prices\":\"x\",\"triggered_at\":\"2:34 pm\",\"scan_name\":\"BUY\"}"))
                .isEqualTo("400 MALFORMED_SIGNAL trigger_prices");
        assertThat(code("{\"stocks\":\"A\",\"trigger_prices\":\"1\",\"scan_name\":\"BUY\"}")).isEqualTo("400 MISSING_TIME triggered_at");
        assertThat(code("{\"stocks\":\"A\",\"trigger_prices\":\"1\",\"triggered_at\":\"25:99\",\"scan_name\":\"BUY\"}"))
                .isEqualTo("400 MALFORMED_SIGNAL triggered_at");
        assertThat(code("{\"stocks\":\"\",\"trigger_prices\":\"\",\"triggered_at\":\"2:34 pm\",\"scan_name\":\"BUY\"}"))
                .isEqualTo("400 MALFORMED_SIGNAL stocks");
    }
}
