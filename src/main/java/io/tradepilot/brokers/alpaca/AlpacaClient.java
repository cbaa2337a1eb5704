package io.tradepilot.brokers.alpaca;

import io.tradepilot.brokers.internal.BrokerCallGuard;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Alpaca's trading REST API v2 on the JDK {@link HttpClient}: account, orders (place with {@code client_order_id},
 * look up by client order id, cancel, replace), positions, fill activities. Every call goes through the
 * {@link BrokerCallGuard}: reads are retried, writes never. Requests carry {@code APCA-API-KEY-ID} and
 * {@code APCA-API-SECRET-KEY}; neither is ever logged or put into an exception. Calls block: use them from the
 * adapter's own threads. Failures are {@link AlpacaException}s saying what is known about their effect.
 */
public final class AlpacaClient {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient http;
    private final AlpacaConfig config;
    private final BrokerCallGuard guard;
    private final String base;

    public AlpacaClient(HttpClient http, AlpacaConfig config, BrokerCallGuard guard) {
        this(http, config, guard, config.tradingBaseUrl());
    }

    /** A client of another Alpaca API with the same credentials, e.g. market data at {@code https://data.alpaca.markets}. */
    AlpacaClient(HttpClient http, AlpacaConfig config, BrokerCallGuard guard, URI baseUrl) {
        this.http = Objects.requireNonNull(http, "http");
        this.config = Objects.requireNonNull(config, "config");
        this.guard = Objects.requireNonNull(guard, "guard");
        String b = baseUrl.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** A read ({@code GET}, retried) of {@code pathAndQuery} under the base URL. */
    JsonNode get(String pathAndQuery) {
        return guard.read(() -> send("GET", pathAndQuery, null));
    }

    /** {@code GET /v2/assets?status=active&asset_class=us_equity}: Alpaca's US-equity asset list. */
    public List<AlpacaAsset> assets() {
        JsonNode list = get("/v2/assets?status=active&asset_class=us_equity");
        List<AlpacaAsset> out = new ArrayList<>();
        for (JsonNode a : list) {
            out.add(new AlpacaAsset(text(a, "symbol"), text(a, "exchange"), text(a, "class"), text(a, "status"),
                    a.path("tradable").asBoolean(false), a.path("fractionable").asBoolean(false)));
        }
        return out;
    }

    /** {@code GET /v2/orders?status=open}: the orders Alpaca still works (at most 500, oldest first). */
    public List<AlpacaOrder> openOrders() {
        JsonNode list = get("/v2/orders?status=open&limit=500&direction=asc");
        List<AlpacaOrder> out = new ArrayList<>();
        for (JsonNode o : list) out.add(order(o));
        return out;
    }

    /** {@code GET /v2/orders/{id}}: the order, or empty when Alpaca does not know the id. */
    public Optional<AlpacaOrder> orderById(String orderId) {
        try {
            return Optional.of(order(get("/v2/orders/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8))));
        } catch (AlpacaException e) {
            if (e.kind() == AlpacaException.Kind.NOT_FOUND) return Optional.empty();
            throw e;
        }
    }

    /** {@code GET /v2/account}. */
    public AlpacaAccount account() {
        JsonNode a = guard.read(() -> send("GET", "/v2/account", null));
        return new AlpacaAccount(text(a, "id"), text(a, "account_number"), text(a, "status"), text(a, "currency"),
                decimal(a, "cash"), decimal(a, "buying_power"), decimal(a, "equity"), a.path("trading_blocked").asBoolean(false));
    }

    /** {@code POST /v2/orders}, sent once, never retried. */
    public AlpacaOrder placeOrder(AlpacaOrderRequest r) {
        ObjectNode body = JSON.createObjectNode();
        body.put("client_order_id", r.clientOrderId());
        body.put("symbol", r.symbol());
        body.put("qty", r.qty().toPlainString());
        body.put("side", r.side());
        body.put("type", r.type());
        body.put("time_in_force", r.timeInForce());
        if (r.limitPrice() != null) body.put("limit_price", r.limitPrice().toPlainString());
        if (r.stopPrice() != null) body.put("stop_price", r.stopPrice().toPlainString());
        return order(guard.write(() -> send("POST", "/v2/orders", body)));
    }

    /** {@code GET /v2/orders:by_client_order_id}: the order, or empty when Alpaca does not know the id. */
    public Optional<AlpacaOrder> orderByClientOrderId(String clientOrderId) {
        String path = "/v2/orders:by_client_order_id?client_order_id=" + URLEncoder.encode(clientOrderId, StandardCharsets.UTF_8);
        try {
            return Optional.of(order(guard.read(() -> send("GET", path, null))));
        } catch (AlpacaException e) {
            if (e.kind() == AlpacaException.Kind.NOT_FOUND) return Optional.empty();
            throw e;
        }
    }

    /** {@code DELETE /v2/orders/{id}}: the cancel was accepted (the outcome follows as an order update); never retried. */
    public void cancelOrder(String orderId) {
        guard.write(() -> send("DELETE", "/v2/orders/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8), null));
    }

    /**
     * {@code PATCH /v2/orders/{id}}: replaces the order by a new one (a new id; {@code newClientOrderId}) with the
     * given total quantity and prices (null keeps Alpaca's value); never retried.
     */
    public AlpacaOrder replaceOrder(String orderId, BigDecimal qty, BigDecimal limitPrice, BigDecimal stopPrice, String newClientOrderId) {
        ObjectNode body = JSON.createObjectNode();
        if (qty != null) body.put("qty", qty.toPlainString());
        if (limitPrice != null) body.put("limit_price", limitPrice.toPlainString());
        if (stopPrice != null) body.put("stop_price", stopPrice.toPlainString());
        if (newClientOrderId != null) body.put("client_order_id", newClientOrderId);
        return order(guard.write(() -> send("PATCH", "/v2/orders/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8), body)));
    }

    /** {@code GET /v2/positions}. */
    public List<AlpacaPosition> positions() {
        JsonNode list = guard.read(() -> send("GET", "/v2/positions", null));
        List<AlpacaPosition> out = new ArrayList<>();
        for (JsonNode p : list) {
            out.add(new AlpacaPosition(text(p, "symbol"), text(p, "exchange"), text(p, "side"), decimal(p, "qty"),
                    decimal(p, "avg_entry_price"), decimal(p, "market_value"), decimal(p, "unrealized_pl")));
        }
        return out;
    }

    /**
     * {@code GET /v2/account/activities/FILL} after {@code after}, oldest first, following {@code page_token} until a
     * page comes back short.
     */
    public List<AlpacaFill> fills(Instant after) {
        int pageSize = 100;
        List<AlpacaFill> out = new ArrayList<>();
        String token = null;
        while (true) {
            String path = "/v2/account/activities/FILL?direction=asc&page_size=" + pageSize
                    + "&after=" + URLEncoder.encode(after.toString(), StandardCharsets.UTF_8)
                    + (token == null ? "" : "&page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            JsonNode page = guard.read(() -> send("GET", path, null));
            int n = 0;
            for (JsonNode f : page) {
                n++;
                out.add(fill(f));
                token = text(f, "id");
            }
            if (n < pageSize || token == null) return out;
        }
    }

    // ------------------------------------------------------------------ mapping

    static AlpacaOrder order(JsonNode o) {
        return new AlpacaOrder(text(o, "id"), text(o, "client_order_id"), text(o, "symbol"), text(o, "side"),
                text(o, "type") != null ? text(o, "type") : text(o, "order_type"), text(o, "time_in_force"), text(o, "status"),
                decimal(o, "qty"), orZero(decimal(o, "filled_qty")), decimal(o, "filled_avg_price"), decimal(o, "limit_price"),
                decimal(o, "stop_price"), instant(o, "created_at"), instant(o, "submitted_at"), instant(o, "updated_at"),
                text(o, "replaced_by"));
    }

    static AlpacaFill fill(JsonNode f) {
        return new AlpacaFill(text(f, "id"), text(f, "order_id"), text(f, "symbol"), text(f, "side"), decimal(f, "qty"),
                decimal(f, "cum_qty"), decimal(f, "leaves_qty"), decimal(f, "price"), instant(f, "transaction_time"), text(f, "type"));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** An exact decimal from Alpaca's decimal string (or a JSON number read as BigDecimal); null when absent. */
    static BigDecimal decimal(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.decimalValue();
        String s = v.asString();
        return s.isBlank() ? null : new BigDecimal(s);
    }

    static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        return s == null || s.isBlank() ? null : OffsetDateTime.parse(s).toInstant();
    }

    private static BigDecimal orZero(BigDecimal d) {
        return d == null ? BigDecimal.ZERO : d;
    }

    // ------------------------------------------------------------------ transport

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(config.requestTimeout())
                .header("APCA-API-KEY-ID", config.keyId())
                .header("APCA-API-SECRET-KEY", config.secretKey())
                .header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new AlpacaException(AlpacaException.Kind.NOT_SENT, 0, method + " " + pathOnly(path) + ": Alpaca not reachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (IOException e) {
            throw new AlpacaException(AlpacaException.Kind.NO_ANSWER, 0, method + " " + pathOnly(path) + ": no answer (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlpacaException(AlpacaException.Kind.NO_ANSWER, 0, method + " " + pathOnly(path) + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String text = response.body();
            if (text == null || text.isBlank()) return JSON.createObjectNode();
            try {
                return JSON.readTree(text);
            } catch (JacksonException e) {
                throw new AlpacaException(AlpacaException.Kind.SERVER, status, method + " " + pathOnly(path) + ": unreadable answer", e);
            }
        }
        String message = method + " " + pathOnly(path) + ": HTTP " + status + errorMessage(response.body());
        AlpacaException.Kind kind = status == 404 ? AlpacaException.Kind.NOT_FOUND
                : status == 429 ? AlpacaException.Kind.RATE_LIMITED
                : status >= 500 ? AlpacaException.Kind.SERVER
                : AlpacaException.Kind.REFUSED;
        throw new AlpacaException(kind, status, message, null);
    }

    private static String pathOnly(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    /** Alpaca's error body {@code {"code": 40310000, "message": "..."}} as {@code " (code): message"}. */
    private static String errorMessage(String body) {
        if (body == null || body.isBlank()) return "";
        try {
            JsonNode e = JSON.readTree(body);
            String msg = text(e, "message");
            String code = text(e, "code");
            if (msg == null) return "";
            return code == null ? ": " + msg : " (" + code + "): " + msg;
        } catch (JacksonException notJson) {
            return "";
        }
    }
}
