package io.tradepilot.signals.internal;

import io.tradepilot.signals.SignalAction;
import io.tradepilot.signals.SignalRefusal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads webhook bodies in the two alert formats traders use. Pure: no clock, no I/O.
 * <ul>
 *   <li><b>TradingView</b> — the JSON a trader types into the alert's message with TradingView's placeholders:
 *   {@code ticker} ({@code {{ticker}}}, or {@code symbol}; an {@code EXCHANGE:} prefix is allowed), {@code action}
 *   ({@code {{strategy.order.action}}}: buy, sell; also short, cover), optional {@code contracts} or {@code quantity}
 *   ({@code {{strategy.order.contracts}}}), optional {@code price} or {@code close} ({@code {{close}}}), {@code time}
 *   or {@code timenow} ({@code {{timenow}}}/{@code {{time}}}: UTC {@code yyyy-MM-ddTHH:mm:ssZ}; epoch milliseconds
 *   also accepted; {@code timenow} wins, being when the alert fired), {@code secret}. Numbers may be JSON numbers or
 *   strings.</li>
 *   <li><b>ChartInk</b> — the scan alert's fixed JSON: {@code stocks} and {@code trigger_prices} (comma-separated,
 *   same count), {@code triggered_at} ({@code 2:34 pm}, exchange time), {@code scan_name}, {@code alert_name},
 *   {@code scan_url}, {@code webhook_url}. The action is the first of BUY, SELL, SHORT, COVER written as an upper-case
 *   word in the alert's name, else in the scan's (OpenAlgo's convention; upper case, so that ChartInk's own example
 *   "Short term breakouts" names no action).</li>
 * </ul>
 * A body with {@code stocks} is ChartInk's; any other JSON object TradingView's. Anything else — not JSON, a missing
 * or unfilled ({@code {{...}}}) field, a bad number or time — is refused: 400 {@code MALFORMED_SIGNAL} (naming the
 * field) or 400 {@code MISSING_TIME}.
 */
final class SignalPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ACTION_WORD = Pattern.compile("\\b(BUY|SELL|SHORT|COVER)\\b");
    private static final DateTimeFormatter CHARTINK_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("h:mm[:ss] a").toFormatter(Locale.ENGLISH);
    private static final int MAX_STOCKS = 50;

    private SignalPayloads() {
    }

    /** The body as a JSON object. @throws SignalRefusal 400 MALFORMED_SIGNAL when it is not one */
    static JsonNode json(byte[] body) {
        JsonNode node;
        try {
            node = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException | IllegalArgumentException e) {
            throw malformed(null, "The body is not JSON.");
        }
        if (node == null || !node.isObject()) throw malformed(null, "The body is not a JSON object.");
        return node;
    }

    /** The secret in the body's {@code secret} field, or null. */
    static String secret(JsonNode body) {
        JsonNode s = body.get("secret");
        return s != null && s.isString() ? s.asString() : null;
    }

    /**
     * The signal in {@code body}: ChartInk's when it has {@code stocks}, else TradingView's.
     *
     * @param today the exchange's date (ChartInk sends only the time of day)
     * @param zone  the exchange's zone
     */
    static ParsedSignal parse(JsonNode body, LocalDate today, ZoneId zone) {
        return body.has("stocks") ? chartInk(body, today, zone) : tradingView(body);
    }

    static ParsedSignal tradingView(JsonNode body) {
        String ticker = text(body, "ticker", "symbol");
        if (ticker == null) throw malformed("ticker", "The ticker is missing (\"ticker\": \"{{ticker}}\").");
        int colon = ticker.lastIndexOf(':');
        ticker = ticker.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
        if (ticker.isEmpty()) throw malformed("ticker", "The ticker is empty.");
        String actionText = text(body, "action");
        if (actionText == null) throw malformed("action", "The action is missing (\"action\": \"{{strategy.order.action}}\").");
        SignalAction action = action(actionText);
        if (action == null) throw malformed("action", "The action must be buy, sell, short or cover.");
        BigDecimal quantity = number(body, "contracts", "quantity");
        if (quantity != null && quantity.signum() <= 0) throw malformed("contracts", "The contracts must be more than 0.");
        BigDecimal price = number(body, "price", "close");
        if (price != null && price.signum() <= 0) throw malformed("price", "The price must be more than 0.");
        Instant time = instant(body);
        return new ParsedSignal(ParsedSignal.TRADINGVIEW, action, List.of(new ParsedSignal.Item(ticker, price)), quantity, time,
                secret(body));
    }

    static ParsedSignal chartInk(JsonNode body, LocalDate today, ZoneId zone) {
        String stocks = text(body, "stocks");
        if (stocks == null) throw malformed("stocks", "The stocks are missing.");
        String prices = text(body, "trigger_prices");
        String[] names = stocks.split(",", -1);
        String[] values = prices == null ? new String[0] : prices.split(",", -1);
        if (names.length > MAX_STOCKS) throw malformed("stocks", "At most " + MAX_STOCKS + " stocks per alert.");
        if (prices != null && values.length != names.length) {
            throw malformed("trigger_prices", "The trigger prices must be as many as the stocks.");
        }
        List<ParsedSignal.Item> items = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) throw malformed("stocks", "A stock name is empty.");
            BigDecimal price = null;
            if (prices != null) {
                try {
                    price = new BigDecimal(values[i].strip());
                } catch (NumberFormatException e) {
                    throw malformed("trigger_prices", "A trigger price is not a number.");
                }
                if (price.signum() <= 0) throw malformed("trigger_prices", "A trigger price must be more than 0.");
            }
            items.add(new ParsedSignal.Item(name, price));
        }
        SignalAction action = null;
        for (String field : new String[]{"alert_name", "scan_name"}) {
            String name = text(body, field);
            Matcher m = name == null ? null : ACTION_WORD.matcher(name);
            if (m != null && m.find()) {
                action = SignalAction.valueOf(m.group(1));
                break;
            }
        }
        if (action == null) {
            throw malformed("alert_name", "Name the action in the alert's or the scan's name, in upper case: BUY, SELL, SHORT or COVER.");
        }
        String at = text(body, "triggered_at");
        if (at == null) throw new SignalRefusal(400, "MISSING_TIME", "triggered_at", "The alert's triggered_at is missing.");
        Instant time;
        try {
            time = LocalTime.parse(at.strip(), CHARTINK_TIME).atDate(today).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw malformed("triggered_at", "triggered_at must be a time like 2:34 pm.");
        }
        return new ParsedSignal(ParsedSignal.CHARTINK, action, items, null, time, secret(body));
    }

    static SignalAction action(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "buy", "long" -> SignalAction.BUY;
            case "sell" -> SignalAction.SELL;
            case "short" -> SignalAction.SHORT;
            case "cover" -> SignalAction.COVER;
            default -> null;
        };
    }

    private static Instant instant(JsonNode body) {
        String field = body.has("timenow") ? "timenow" : "time";
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw new SignalRefusal(400, "MISSING_TIME", "time", "The time is missing (\"time\": \"{{timenow}}\"): it guards against replays.");
        }
        try {
            if (node.isIntegralNumber()) return Instant.ofEpochMilli(node.longValue());
            String text = node.isString() ? node.asString().strip() : "";
            unfilled(field, text);
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) return Instant.ofEpochMilli(Long.parseLong(text));
            return Instant.parse(text);
        } catch (DateTimeException | NumberFormatException e) {
            throw malformed(field, "The time must be UTC like 2019-08-27T09:56:00Z.");
        }
    }

    /** The first of {@code fields} present as non-blank text (a number is read as its text), or null. */
    private static String text(JsonNode body, String... fields) {
        for (String field : fields) {
            JsonNode node = body.get(field);
            if (node == null || node.isNull()) continue;
            if (!node.isString() && !node.isNumber()) throw malformed(field, "The " + field + " must be text.");
            String value = node.isString() ? node.asString() : node.asString();
            if (value.isBlank()) continue;
            unfilled(field, value);
            return value.strip();
        }
        return null;
    }

    private static BigDecimal number(JsonNode body, String... fields) {
        for (String field : fields) {
            JsonNode node = body.get(field);
            if (node == null || node.isNull()) continue;
            if (node.isNumber()) return node.decimalValue();
            String value = text(body, field);
            if (value == null) continue;
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw malformed(field, "The " + field + " is not a number.");
            }
        }
        return null;
    }

    private static void unfilled(String field, String value) {
        if (value.contains("{{")) throw malformed(field, "The " + field + " holds a placeholder TradingView did not fill: " + cut(value));
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    static SignalRefusal malformed(String field, String message) {
        return new SignalRefusal(400, "MALFORMED_SIGNAL", field, message);
    }
}
