package io.tradepilot.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One signed-in dashboard spoken over Vaadin Flow's own protocol instead of a browser: what Vaadin's
 * load-testing approach (TestBench/Gatling recordings) replays. It does, in order, what a browser was
 * recorded doing against this application (Vaadin 25, {@code @Push(WEBSOCKET_XHR)}):
 * <ol>
 * <li>{@code GET /login}, its UI ({@code GET ?v-r=init&location=login}, the {@code ui-navigate} event), and
 * the form's {@code POST /login} with the {@code _csrf} token from the page's {@code <meta name="_csrf">};</li>
 * <li>{@code GET /}, {@code GET ?v-r=init&location=} (the UI id, its CSRF token {@code Vaadin-Security-Key}
 * and the session's {@code Vaadin-Push-ID}), the push WebSocket
 * ({@code /VAADIN/push?v-r=push&v-uiId=…&v-pushId=…}, Atmosphere with {@code TrackMessageSize}: each
 * message {@code <length>|<json>}) and the {@code ui-navigate} event to {@code /} whose answer paints the
 * dashboard;</li>
 * <li>then, like the browser: the UI's poll event every {@link #POLL} (the dashboard sets it), the grids'
 * {@code confirmUpdate} calls answering each {@code $connector.confirm(n)} the server sends, and the
 * heartbeat every {@link #HEARTBEAT}.</li>
 * </ol>
 * Every UIDL request carries the CSRF token, {@code syncId} (the last server message applied) and
 * {@code clientId} (the requests sent so far). Server messages (answers and pushes) are applied in
 * {@code syncId} order to a small copy of the UI's state tree, enough to read the text of the element with
 * id {@code trading-state}; each change of that text is recorded with the time it was applied, so a
 * measurement can tell when this session showed a control change. Not replayed: the web components' own
 * property events ({@code *-changed}, sent once after the first paint), which change nothing here.
 * Requests of one session go one at a time (as Vaadin's client queues them), on the session's own virtual thread.
 */
final class VaadinProtocolSession {

    static final Duration POLL = Duration.ofSeconds(5);
    static final Duration HEARTBEAT = Duration.ofSeconds(300);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String CLIENT_DETAILS = "&v-sh=1000&v-sw=1400&v-wh=1000&v-ww=1400&v-bh=1000&v-bw=1400"
            + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-td=false&v-pr=1&v-np=Linux%20x86_64&v-cs=light"
            + "&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=UNSUPPORTED"
            + "&v-wla=SUPPORTED&v-ws=false";
    private static final String TRADING_STATE_ID = "trading-state";
    /** Element features in Flow's UIDL: attributes, children, text. */
    private static final int FEAT_ATTRIBUTES = 3, FEAT_CHILDREN = 2, FEAT_TEXT = 7;

    /** A text the trading state showed, from {@code at} (wall-clock milliseconds when applied). */
    record Shown(String text, long at) {
    }

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final BlockingQueue<ObjectNode> rpcs = new LinkedBlockingQueue<>();
    final List<Shown> shown = new CopyOnWriteArrayList<>();
    /** Failures seen by this session (refused requests, lost push connection, resynchronisations). */
    final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicInteger messages = new AtomicInteger();
    /** Milliseconds each step of {@link #signIn} took: login page, POST /login, GET /, dashboard UI (init, push, navigation). */
    final Map<String, Long> steps = Collections.synchronizedMap(new LinkedHashMap<>());

    private volatile boolean closed;
    private Thread loop;
    private WebSocket push;
    private int uiId;
    private String csrf;
    private int clientId;
    private int promise;
    private int lastSyncId = -1;
    private final TreeMap<Integer, JsonNode> early = new TreeMap<>();
    // the state tree, only what the trading state needs
    private final Map<Integer, List<Integer>> children = new HashMap<>();
    private final Map<Integer, String> texts = new HashMap<>();
    private int tradingStateNode = -1;
    private String tradingState = "";

    VaadinProtocolSession(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /**
     * Signs {@code username} in and opens the dashboard; returns when the dashboard's first paint (the
     * answer to its navigation) is applied, its trading state shown and the push connection open. Records the
     * time of each step in {@link #steps}.
     */
    void signIn(String username, String password) throws IOException, InterruptedException {
        long t = System.nanoTime();
        String loginPage = get("/login");
        Matcher m = META_CSRF.matcher(loginPage);
        if (!m.find()) throw new IOException("no _csrf on the login page");
        bootstrap("login", "/login", false);
        t = step("login page", t);
        String form = "_csrf=" + enc(m.group(1)) + "&username=" + enc(username) + "&password=" + enc(password);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) throw new IOException("sign-in refused: " + r.statusCode() + " " + location);
        t = step("POST /login", t);
        synchronized (this) {
            clientId = 0;
            promise = 0;
            lastSyncId = -1;
            early.clear();
            children.clear();
            texts.clear();
            tradingStateNode = -1;
        }
        get("/");
        t = step("GET /", t);
        bootstrap("", "/", true);
        step("dashboard UI", t);
        if (tradingState().isEmpty()) throw new IOException("the dashboard shows no trading state");
    }

    private long step(String name, long since) {
        long now = System.nanoTime();
        steps.put(name, (now - since) / 1_000_000);
        return now;
    }

    /** Starts the session's own loop: queued calls as they come, the poll, the heartbeat. */
    void start() {
        loop = Thread.ofVirtual().name("protocol-session").start(this::run);
    }

    /** Closes the push connection and stops the loop (the server's UI lives on until its heartbeats stop). */
    void close() {
        closed = true;
        if (loop != null) loop.interrupt();
        if (push != null) push.abort();
    }

    synchronized String tradingState() {
        return tradingState;
    }

    /** Server messages applied so far (answers and pushes). */
    int messages() {
        return messages.get();
    }

    private void bootstrap(String location, String route, boolean withPush) throws IOException, InterruptedException {
        JsonNode init = JSON.readTree(get("/?v-r=init&location=" + enc(location) + "&query=" + CLIENT_DETAILS
                + "&v-curdate=" + System.currentTimeMillis() + "&v-wn=v-" + Math.random()));
        JsonNode config = init.path("appConfig");
        JsonNode uidl = config.path("uidl");
        synchronized (this) {
            uiId = config.path("v-uiId").asInt();
            csrf = uidl.path("Vaadin-Security-Key").asString();
        }
        receive(uidl);
        if (withPush) openPush(uidl.path("Vaadin-Push-ID").asString());
        ObjectNode navigate = JSON.createObjectNode().put("type", "event").put("node", 1).put("event", "ui-navigate");
        navigate.putObject("data").put("route", route).put("query", "").put("appShellTitle", "Tradepilot")
                .put("trigger", "").putObject("historyState").put("idx", 0);
        uidl(navigate);
    }

    private void openPush(String pushId) throws InterruptedException, IOException {
        String ws = base.replaceFirst("^http", "ws") + "/VAADIN/push?v-r=push&v-uiId=" + uiId + "&v-pushId=" + enc(pushId)
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1&X-Atmosphere-Transport=websocket"
                + "&X-Atmosphere-TrackMessageSize=true&Content-Type=" + enc("application/json; charset=UTF-8")
                + "&X-atmo-protocol=true&X-Vaadin-LastSeenServerSyncId=0";
        try {
            push = http.newWebSocketBuilder().header("Cookie", cookieHeader()).header("Origin", base)
                    .connectTimeout(Duration.ofSeconds(30)).buildAsync(URI.create(ws), new PushListener())
                    .get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("push connection failed", e);
        }
    }

    private void run() {
        long nextPoll = System.nanoTime() + POLL.toNanos();
        long nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
        while (!closed) {
            try {
                ObjectNode rpc = rpcs.poll(Math.max(0, nextPoll - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (closed) return;
                if (rpc != null) {
                    uidl(rpc);
                    continue;
                }
                nextPoll = System.nanoTime() + POLL.toNanos();
                uidl(JSON.createObjectNode().put("type", "event").put("node", 1).put("event", "ui-poll"));
                if (System.nanoTime() > nextHeartbeat) {
                    nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
                    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/?v-r=heartbeat&v-uiId=" + uiId))
                            .POST(HttpRequest.BodyPublishers.noBody()));
                    if (r.statusCode() != 200) problems.add("heartbeat answered " + r.statusCode());
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (!closed) problems.add("request failed: " + e);
            }
        }
    }

    /** Sends one UIDL request with {@code rpc} and applies its answer. */
    private void uidl(ObjectNode rpc) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        int id;
        synchronized (this) {
            body.put("csrfToken", csrf);
            body.putArray("rpc").add(rpc);
            body.put("syncId", Math.max(lastSyncId, 0));
            body.put("clientId", clientId);
            id = uiId;
            clientId++;
        }
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + id))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        if (r.statusCode() != 200) {
            problems.add("UIDL answered " + r.statusCode());
            return;
        }
        String text = r.body().startsWith("for(;;);") ? r.body().substring(8) : r.body();
        JsonNode answer = JSON.readTree(text);
        receive(answer.isArray() ? answer.get(0) : answer);
    }

    /** Applies a server message, in {@code syncId} order (one that comes early waits for the ones before it). */
    private synchronized void receive(JsonNode message) {
        if (message.path("meta").has("sessionExpired") || message.path("meta").has("appError")) {
            problems.add("server message: " + message.path("meta"));
        }
        if (message.path("resynchronize").asBoolean(false)) problems.add("resynchronize");
        int syncId = message.path("syncId").asInt(-1);
        if (syncId < 0 || lastSyncId < 0) {
            apply(message);
            if (syncId >= 0) lastSyncId = syncId;
            return;
        }
        if (syncId <= lastSyncId) return; // already applied
        early.put(syncId, message);
        while (!early.isEmpty() && early.firstKey() == lastSyncId + 1) {
            lastSyncId = early.firstKey();
            apply(early.pollFirstEntry().getValue());
        }
        if (early.size() > 20) { // a message never came: go on like a client that gave up waiting
            problems.add("server messages " + (lastSyncId + 1) + ".." + (early.firstKey() - 1) + " never came");
            lastSyncId = early.firstKey() - 1;
            receive(early.pollFirstEntry().getValue());
        }
    }

    private void apply(JsonNode message) {
        messages.incrementAndGet();
        for (JsonNode c : message.path("changes")) {
            int node = c.path("node").asInt();
            int feat = c.path("feat").asInt(-1);
            switch (c.path("type").asString()) {
                case "put" -> {
                    if (feat == FEAT_ATTRIBUTES && "id".equals(c.path("key").asString())
                            && TRADING_STATE_ID.equals(c.path("value").asString())) tradingStateNode = node;
                    if (feat == FEAT_TEXT && "text".equals(c.path("key").asString())) texts.put(node, c.path("value").asString());
                }
                case "clear" -> {
                    if (feat == FEAT_CHILDREN) children.remove(node);
                }
                case "splice" -> {
                    if (feat != FEAT_CHILDREN) break;
                    List<Integer> list = children.computeIfAbsent(node, n -> new ArrayList<>());
                    int index = Math.min(c.path("index").asInt(), list.size());
                    int remove = Math.min(c.path("remove").asInt(0), list.size() - index);
                    for (int i = 0; i < remove; i++) list.remove(index);
                    int at = index;
                    for (JsonNode added : c.path("addNodes")) list.add(at++, added.asInt());
                }
                case "detach" -> texts.remove(node);
                default -> {
                }
            }
        }
        for (JsonNode e : message.path("execute")) {
            if (e.isArray() && e.size() == 3 && e.get(2).asString().equals("return $0.$connector.confirm($1)")) {
                ObjectNode confirm = JSON.createObjectNode().put("type", "publishedEventHandler")
                        .put("node", e.get(0).path("@v-node").asInt()).put("templateEventMethodName", "confirmUpdate");
                ((ArrayNode) confirm.putArray("templateEventMethodArgs")).add(e.get(1).asInt());
                confirm.put("promise", promise++);
                rpcs.add(confirm);
            }
        }
        String now = currentTradingState();
        if (!now.equals(tradingState)) {
            tradingState = now;
            shown.add(new Shown(now, System.currentTimeMillis()));
        }
    }

    private String currentTradingState() {
        if (tradingStateNode < 0) return "";
        StringBuilder text = new StringBuilder();
        for (int child : children.getOrDefault(tradingStateNode, List.of())) text.append(texts.getOrDefault(child, ""));
        return text.toString().trim();
    }

    /** Atmosphere's WebSocket messages: {@code <length>|<message>}, possibly split over frames or several in one. */
    private final class PushListener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();
        private boolean first = true;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            while (true) {
                int bar = buffer.indexOf("|");
                if (bar < 0) break;
                int length;
                try {
                    length = Integer.parseInt(buffer.substring(0, bar).trim());
                } catch (NumberFormatException heartbeat) { // Atmosphere's padding or heartbeat outside the framing
                    buffer.delete(0, bar + 1);
                    continue;
                }
                if (buffer.length() < bar + 1 + length) break;
                String message = buffer.substring(bar + 1, bar + 1 + length);
                buffer.delete(0, bar + 1 + length);
                if (first) { // the tracking id, heartbeat interval and padding: uuid|0|X|
                    first = false;
                    continue;
                }
                String json = message.trim();
                if (json.startsWith("for(;;);")) json = json.substring(8);
                if (json.isEmpty() || json.equals("X")) continue;
                try {
                    JsonNode pushed = JSON.readTree(json);
                    receive(pushed.isArray() ? pushed.get(0) : pushed);
                } catch (RuntimeException e) {
                    problems.add("unreadable push: " + e.getMessage());
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (!closed) problems.add("push connection closed: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (!closed) problems.add("push connection failed: " + error);
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        if (r.statusCode() != 200) throw new IOException("GET " + path + " answered " + r.statusCode());
        return r.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String cookie = cookieHeader();
        if (!cookie.isEmpty()) request.header("Cookie", cookie);
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        synchronized (cookies) {
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return r;
    }

    private String cookieHeader() {
        synchronized (cookies) {
            StringBuilder s = new StringBuilder();
            cookies.forEach((k, v) -> s.append(s.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            return s.toString();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
