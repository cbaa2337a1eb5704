package io.tradepilot.brokers.kite;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import io.tradepilot.brokers.internal.JsonFields;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Price;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Kite Connect's REST API v3 on the JDK {@link HttpClient}: orders (place with a {@code tag}, modify, cancel, the
 * day's order book and one order's history), trades, positions, margins, the instruments dump, historical candles,
 * the login's session exchange and the profile.
 *
 * <p>Why not the Kite Connect Java SDK (3.5.1): its REST root, login URL and ticker URL are private static constants
 * ({@code Routes._rootUrl}, {@code _loginUrl}, {@code _wsuri}) without setters, so it cannot be pointed at a stand-in
 * or configured per account, and it reads prices into {@code double}. This client speaks the same documented protocol
 * with exact decimals and a configurable base URL.
 *
 * <p>Every call takes a permit of the per-second limiter ({@link KiteConfig#ordersPerSecond()}, Kite: 10/s) and goes
 * through the {@link BrokerCallGuard}: reads are retried, writes never; an expired token ({@link KiteException.Kind#TOKEN})
 * is neither retried nor counted as a broker failure. Requests carry {@code Authorization: token api_key:access_token};
 * the token is never logged or put into an exception. Calls block: use them from the adapter's own threads.
 */
public final class KiteClient {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** Kite's clock: every timestamp without an offset is Indian Standard Time. */
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter KITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CANDLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final HttpClient http;
    private final KiteConfig config;
    private final BrokerCallGuard guard;
    private final RateLimiter perSecond;
    private final String base;
    private volatile String accessToken;

    public KiteClient(HttpClient http, KiteConfig config, BrokerCallGuard guard) {
        this.http = Objects.requireNonNull(http, "http");
        this.config = Objects.requireNonNull(config, "config");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.perSecond = RateLimiter.of("kite-per-second", RateLimiterConfig.custom()
                .limitForPeriod(config.ordersPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(config.guard().rateLimitWait())
                .build());
        String b = config.apiBaseUrl().toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** The day's access token (from the login); calls without one fail as {@link KiteException.Kind#TOKEN}. */
    public void accessToken(String token) {
        this.accessToken = token;
    }

    /** Whether an access token is set. */
    public boolean hasAccessToken() {
        return accessToken != null;
    }

    // ------------------------------------------------------------------ session

    /**
     * {@code POST /session/token}: exchanges the login's {@code request_token} for the day's session, with
     * {@code checksum} = SHA-256(api_key + request_token + api_secret) in hex. Sent once, never retried.
     */
    public KiteSessionToken createSession(String requestToken, String checksum) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", config.apiKey());
        form.put("request_token", requestToken);
        form.put("checksum", checksum);
        JsonNode d = guard.write(() -> send("POST", "/session/token", form, false));
        return new KiteSessionToken(text(d, "user_id"), text(d, "access_token"), text(d, "public_token"), kiteTime(text(d, "login_time")));
    }

    /** {@code GET /user/profile}: whose account the token opens (connection test). */
    public String profileUserId() {
        return text(read("/user/profile"), "user_id");
    }

    // ------------------------------------------------------------------ orders

    /** {@code POST /orders/regular}, sent once, never retried: Kite's order id. */
    public String placeOrder(KiteOrderRequest r) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("tradingsymbol", r.tradingSymbol());
        form.put("exchange", r.exchange());
        form.put("transaction_type", r.transactionType());
        form.put("order_type", r.orderType());
        form.put("quantity", r.quantity().toPlainString());
        form.put("product", r.product());
        form.put("validity", r.validity());
        if (r.price() != null) form.put("price", r.price().toPlainString());
        if (r.triggerPrice() != null) form.put("trigger_price", r.triggerPrice().toPlainString());
        form.put("tag", r.tag());
        return text(write("POST", "/orders/regular", form), "order_id");
    }

    /** {@code PUT /orders/regular/{id}}: new quantity, price, trigger price (null: not sent); never retried. */
    public void modifyOrder(String orderId, String orderType, BigDecimal quantity, BigDecimal price, BigDecimal triggerPrice) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("order_type", orderType);
        if (quantity != null) form.put("quantity", quantity.toPlainString());
        if (price != null) form.put("price", price.toPlainString());
        if (triggerPrice != null) form.put("trigger_price", triggerPrice.toPlainString());
        write("PUT", "/orders/regular/" + enc(orderId), form);
    }

    /** {@code DELETE /orders/regular/{id}}: the cancel was taken (the outcome follows as an order update); never retried. */
    public void cancelOrder(String orderId) {
        write("DELETE", "/orders/regular/" + enc(orderId), Map.of());
    }

    /** {@code GET /orders}: the day's orders, each in its latest state. */
    public List<KiteOrder> orders() {
        List<KiteOrder> out = new ArrayList<>();
        for (JsonNode o : read("/orders")) out.add(order(o));
        return out;
    }

    /**
     * The day's order whose {@code tag} is {@code tag} (the adapter's short form of the engine's client order id);
     * empty when Kite has none. Kite cannot be asked by tag: this reads the order book.
     */
    public Optional<KiteOrder> orderByTag(String tag) {
        return orders().stream().filter(o -> tag.equals(o.tag())).reduce((first, later) -> later);
    }

    /** {@code GET /orders/{id}}: every state the order went through, oldest first (partial fills show as rising {@code filled_quantity}). */
    public List<KiteOrder> orderHistory(String orderId) {
        List<KiteOrder> out = new ArrayList<>();
        for (JsonNode o : read("/orders/" + enc(orderId))) out.add(order(o));
        return out;
    }

    /** {@code GET /trades}: the day's executions. */
    public List<KiteTrade> trades() {
        List<KiteTrade> out = new ArrayList<>();
        for (JsonNode t : read("/trades")) {
            out.add(new KiteTrade(text(t, "trade_id"), text(t, "order_id"), text(t, "tradingsymbol"), text(t, "exchange"),
                    text(t, "transaction_type"), text(t, "product"), decimal(t, "quantity"), decimal(t, "average_price"),
                    kiteTime(text(t, "fill_timestamp") != null ? text(t, "fill_timestamp") : text(t, "exchange_timestamp"))));
        }
        return out;
    }

    /** {@code GET /portfolio/positions}: the {@code net} positions (quantity signed; closed ones with quantity 0 left out). */
    public List<KitePosition> positions() {
        List<KitePosition> out = new ArrayList<>();
        for (JsonNode p : read("/portfolio/positions").path("net")) {
            BigDecimal q = decimal(p, "quantity");
            if (q == null || q.signum() == 0) continue;
            out.add(new KitePosition(text(p, "tradingsymbol"), text(p, "exchange"), text(p, "product"), q, decimal(p, "average_price")));
        }
        return out;
    }

    /** {@code GET /user/margins}: the equity segment's cash ({@code available.cash}). */
    public BigDecimal equityCash() {
        BigDecimal cash = decimal(read("/user/margins").path("equity").path("available"), "cash");
        return cash == null ? BigDecimal.ZERO : cash;
    }

    // ------------------------------------------------------------------ market data

    /** {@code GET /instruments/{exchange}}: the instruments dump (CSV) of one exchange. */
    public List<KiteInstrument> instruments(String exchange) {
        String csv = guard.read(() -> {
            RateLimiter.waitForPermission(perSecond);
            return sendRaw("GET", "/instruments/" + enc(exchange), null, true);
        });
        return parseInstruments(csv);
    }

    /**
     * {@code GET /instruments/historical/{token}/{interval}}: candles starting in [from, to] (Kite's bounds are
     * inclusive, in IST), oldest first. {@code interval}: {@code minute}, {@code 5minute}, {@code day}, …
     */
    public List<Bar> candles(long instrumentToken, String interval, Instant from, Instant to) {
        String path = "/instruments/historical/" + instrumentToken + "/" + enc(interval)
                + "?from=" + enc(KITE_TIME.format(from.atZone(IST))) + "&to=" + enc(KITE_TIME.format(to.atZone(IST)));
        List<Bar> out = new ArrayList<>();
        for (JsonNode c : read(path).path("candles")) {
            Instant start = OffsetDateTime.parse(c.get(0).asString(), CANDLE_TIME).toInstant();
            out.add(new Bar(start, new Price(c.get(1).decimalValue()), new Price(c.get(2).decimalValue()),
                    new Price(c.get(3).decimalValue()), new Price(c.get(4).decimalValue()), c.get(5).asLong()));
        }
        return out;
    }

    // ------------------------------------------------------------------ mapping

    static KiteOrder order(JsonNode o) {
        return new KiteOrder(text(o, "order_id"), text(o, "tag"), text(o, "status"), text(o, "status_message"),
                text(o, "tradingsymbol"), text(o, "exchange"), text(o, "transaction_type"), text(o, "order_type"), text(o, "product"),
                decimal(o, "quantity"), orZero(decimal(o, "filled_quantity")), orZero(decimal(o, "pending_quantity")),
                decimal(o, "average_price"), decimal(o, "price"), decimal(o, "trigger_price"),
                kiteTime(text(o, "order_timestamp")), kiteTime(text(o, "exchange_update_timestamp")));
    }

    static List<KiteInstrument> parseInstruments(String csv) {
        List<KiteInstrument> out = new ArrayList<>();
        String[] lines = csv.split("\r?\n");
        if (lines.length == 0) return out;
        List<String> header = splitCsv(lines[0]);
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) col.put(header.get(i).trim(), i);
        for (String name : List.of("instrument_token", "tradingsymbol", "tick_size", "lot_size", "exchange")) {
            if (!col.containsKey(name)) throw new KiteException(KiteException.Kind.SERVER, 200, "instruments dump without column " + name, null);
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            List<String> f = splitCsv(lines[i]);
            BigDecimal tick = new BigDecimal(f.get(col.get("tick_size")));
            BigDecimal lot = new BigDecimal(f.get(col.get("lot_size")));
            if (tick.signum() <= 0 || lot.signum() <= 0) continue; // indices: not tradable
            out.add(new KiteInstrument(Long.parseLong(f.get(col.get("instrument_token"))), f.get(col.get("tradingsymbol")),
                    col.containsKey("name") ? f.get(col.get("name")) : "", f.get(col.get("exchange")), tick, lot,
                    col.containsKey("instrument_type") ? f.get(col.get("instrument_type")) : "",
                    col.containsKey("segment") ? f.get(col.get("segment")) : ""));
        }
        return out;
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static String text(JsonNode n, String field) {
        return JsonFields.text(n, field);
    }

    /** An exact decimal from the field ({@link JsonFields#decimal}); null when absent. */
    static BigDecimal decimal(JsonNode n, String field) {
        return JsonFields.decimal(n, field);
    }

    /** Kite's {@code yyyy-MM-dd HH:mm:ss} in IST (also ISO with an offset); null when absent. */
    static Instant kiteTime(String s) {
        if (s == null || s.isBlank()) return null;
        if (s.length() > 19 && (s.contains("+") || s.endsWith("Z"))) return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
        return LocalDateTime.parse(s, KITE_TIME).atZone(IST).toInstant();
    }

    private static BigDecimal orZero(BigDecimal d) {
        return d == null ? BigDecimal.ZERO : d;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ transport

    private JsonNode read(String path) {
        return guard.read(() -> {
            RateLimiter.waitForPermission(perSecond);
            return send("GET", path, null, true);
        });
    }

    private JsonNode write(String method, String path, Map<String, String> form) {
        return guard.write(() -> {
            RateLimiter.waitForPermission(perSecond);
            return send(method, path, form, true);
        });
    }

    /** The {@code data} of Kite's {@code {"status":"success","data":…}} answer. */
    private JsonNode send(String method, String path, Map<String, String> form, boolean authorized) {
        String text = sendRaw(method, path, form, authorized);
        if (text == null || text.isBlank()) return JSON.createObjectNode();
        try {
            JsonNode root = JSON.readTree(text);
            JsonNode data = root.get("data");
            return data == null || data.isNull() ? JSON.createObjectNode() : data;
        } catch (JacksonException e) {
            throw new KiteException(KiteException.Kind.SERVER, 200, method + " " + pathOnly(path) + ": unreadable answer", e);
        }
    }

    private String sendRaw(String method, String path, Map<String, String> form, boolean authorized) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(config.requestTimeout())
                .header("X-Kite-Version", "3");
        if (authorized) {
            String token = accessToken;
            if (token == null) throw new KiteException(KiteException.Kind.TOKEN, 0, method + " " + pathOnly(path) + ": no access token (login needed)", null);
            b.header("Authorization", "token " + config.apiKey() + ":" + token);
        }
        if (form == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
            b.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new KiteException(KiteException.Kind.NOT_SENT, 0, method + " " + pathOnly(path) + ": Kite not reachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (IOException e) {
            throw new KiteException(KiteException.Kind.NO_ANSWER, 0, method + " " + pathOnly(path) + ": no answer (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KiteException(KiteException.Kind.NO_ANSWER, 0, method + " " + pathOnly(path) + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) return response.body();
        String[] error = error(response.body());
        String message = method + " " + pathOnly(path) + ": HTTP " + status + (error[0] == null ? "" : " " + error[0])
                + (error[1] == null ? "" : ": " + error[1]);
        KiteException.Kind kind = "TokenException".equals(error[0]) || (status == 403 && error[0] == null) ? KiteException.Kind.TOKEN
                : status == 404 ? KiteException.Kind.NOT_FOUND
                : status == 429 ? KiteException.Kind.RATE_LIMITED
                : status >= 500 ? KiteException.Kind.SERVER
                : KiteException.Kind.REFUSED;
        throw new KiteException(kind, status, message, null);
    }

    private static String pathOnly(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    /** Kite's error body {@code {"status":"error","message":…,"error_type":…}} as [error_type, message]. */
    private static String[] error(String body) {
        if (body == null || body.isBlank()) return new String[2];
        try {
            JsonNode e = JSON.readTree(body);
            return new String[] {text(e, "error_type"), text(e, "message")};
        } catch (JacksonException notJson) {
            return new String[2];
        }
    }
}
