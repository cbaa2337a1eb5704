package io.tradepilot.brokers.alpaca;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tradepilot.brokers.BrokerErrors;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The REST client against a WireMock stand-in of Alpaca's trading API v2. */
class AlpacaClientTest {

    private WireMockServer alpaca;
    private AlpacaClient client;
    private HttpClient http;

    @BeforeEach
    void start() {
        alpaca = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
        AlpacaConfig config = AlpacaConfig.of(URI.create(alpaca.baseUrl()), "PKKEY", "SECRET").withStreamUrl(null)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMillis(50));
        http = HttpClient.newHttpClient();
        client = new AlpacaClient(http, config, new BrokerCallGuard("alpaca",
                new BrokerCallGuard.Settings(200, Duration.ofSeconds(1), 3, Duration.ofSeconds(30), 4, Duration.ofMillis(10)),
                e -> e instanceof AlpacaException a && a.brokerFailure(), e -> e instanceof AlpacaException a && a.retryable(),
                BrokerErrors.IGNORE));
    }

    @AfterEach
    void stop() {
        http.close();
        alpaca.stop();
    }

    @Test
    void reads_the_account_with_exact_amounts_after_riding_out_two_429s() {
        alpaca.stubFor(get(urlEqualTo("/v2/account")).inScenario("storm").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("one"));
        alpaca.stubFor(get(urlEqualTo("/v2/account")).inScenario("storm").whenScenarioStateIs("one")
                .willReturn(aResponse().withStatus(429)).willSetStateTo("calm"));
        alpaca.stubFor(get(urlEqualTo("/v2/account")).inScenario("storm").whenScenarioStateIs("calm")
                .willReturn(okJson("""
                        {"id":"e6fe16f3-64a4-4921-8928-cadf02f92f98","account_number":"PA2V4TXE3JPL","status":"ACTIVE",
                         "currency":"USD","cash":"100000.10","buying_power":"400000.40","equity":"100000.1000000001",
                         "trading_blocked":false}
                        """)));

        AlpacaAccount account = client.account();

        assertThat(account.cash()).isEqualTo(new BigDecimal("100000.10"));
        assertThat(account.equity()).isEqualTo(new BigDecimal("100000.1000000001"));
        assertThat(account.buyingPower()).isEqualTo(new BigDecimal("400000.40"));
        assertThat(account.status()).isEqualTo("ACTIVE");
        alpaca.verify(3, getRequestedFor(urlEqualTo("/v2/account")).withHeader("APCA-API-KEY-ID", equalTo("PKKEY")));
    }

    @Test
    void a_placement_answered_429_is_not_retried() {
        alpaca.stubFor(post(urlEqualTo("/v2/orders")).willReturn(aResponse().withStatus(429)));

        assertThatThrownBy(() -> client.placeOrder(new AlpacaOrderRequest("cid-1", "AAPL", BigDecimal.ONE, "buy", "market", "day", null, null)))
                .isInstanceOfSatisfying(AlpacaException.class, e -> assertThat(e.kind()).isEqualTo(AlpacaException.Kind.RATE_LIMITED));
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void a_placement_without_an_answer_is_a_no_answer_failure_and_sent_once() {
        alpaca.stubFor(post(urlEqualTo("/v2/orders")).willReturn(okJson("{}").withFixedDelay(1_500)));

        assertThatThrownBy(() -> client.placeOrder(new AlpacaOrderRequest("cid-2", "AAPL", BigDecimal.TEN, "sell", "stop_limit", "gtc",
                new BigDecimal("99.50"), new BigDecimal("100.05"))))
                .isInstanceOfSatisfying(AlpacaException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AlpacaException.Kind.NO_ANSWER);
                    assertThat(e.brokerFailure()).isTrue();
                    assertThat(e.withoutEffect()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("SECRET");
                });
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void an_unknown_client_order_id_is_empty() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).willReturn(aResponse().withStatus(404)
                .withBody("{\"code\":40410000,\"message\":\"order not found\"}")));

        assertThat(client.orderByClientOrderId("strategy:AAPL:1:B:0")).isEmpty();
        alpaca.verify(1, getRequestedFor(urlEqualTo("/v2/orders:by_client_order_id?client_order_id=strategy%3AAAPL%3A1%3AB%3A0")));
    }

    @Test
    void reads_positions_and_fill_activities_as_exact_decimals() {
        alpaca.stubFor(get(urlEqualTo("/v2/positions")).willReturn(okJson("""
                [{"asset_id":"x","symbol":"AAPL","exchange":"NASDAQ","asset_class":"us_equity","avg_entry_price":"100.125",
                  "qty":"-5","side":"short","market_value":"-500.6","cost_basis":"-500.625","unrealized_pl":"0.025"}]
                """)));
        alpaca.stubFor(get(urlPathEqualTo("/v2/account/activities/FILL")).willReturn(okJson("""
                [{"id":"20240102143001000::8e5a","activity_type":"FILL","transaction_time":"2024-01-02T14:30:01.123456Z",
                  "type":"partial_fill","price":"100.0001","qty":"3","side":"buy","symbol":"AAPL","leaves_qty":"7",
                  "order_id":"o-1","cum_qty":"3","order_status":"partially_filled"}]
                """)));

        assertThat(client.positions()).singleElement().satisfies(p -> {
            assertThat(p.qty()).isEqualTo(new BigDecimal("-5"));
            assertThat(p.avgEntryPrice()).isEqualTo(new BigDecimal("100.125"));
            assertThat(p.side()).isEqualTo("short");
        });
        assertThat(client.fills(Instant.parse("2024-01-02T00:00:00Z"))).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(new BigDecimal("100.0001"));
            assertThat(f.cumQty()).isEqualTo(new BigDecimal("3"));
            assertThat(f.orderId()).isEqualTo("o-1");
            assertThat(f.transactionTime()).isEqualTo(Instant.parse("2024-01-02T14:30:01.123456Z"));
        });
        alpaca.verify(getRequestedFor(urlPathEqualTo("/v2/account/activities/FILL"))
                .withQueryParam("after", equalTo("2024-01-02T00:00:00Z")).withQueryParam("direction", equalTo("asc")));
    }

    @Test
    void the_config_never_shows_the_secret() {
        AlpacaConfig c = AlpacaConfig.of(AlpacaConfig.PAPER, "PKABCDEFGH", "very-secret");
        assertThat(c.toString()).doesNotContain("very-secret").doesNotContain("PKABCDEFGH");
        assertThat(c.streamUrl()).hasToString("wss://paper-api.alpaca.markets/stream");
        assertThat(AlpacaConfig.streamOf(URI.create("http://127.0.0.1:8080/"))).hasToString("ws://127.0.0.1:8080/stream");
    }
}
