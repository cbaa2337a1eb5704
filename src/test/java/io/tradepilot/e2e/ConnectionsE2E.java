package io.tradepilot.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tradepilot.db.Tables.BROKER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Page;
import io.tradepilot.testing.TestUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Connections page in Chromium: an admin connects the stand-in Alpaca (WireMock answering {@code GET /v2/account}
 * as Alpaca documents it), tests the connection and makes the account active; the secret never reaches the browser.
 * An operator has no Connections entry and the API refuses it.
 */
class ConnectionsE2E extends BrowserTestSupport {

    private static final String KEY = "PKE2ESTANDIN5678";
    private static final String SECRET = "e2e-alpaca-secret-never-shown";
    private static final WireMockServer ALPACA = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @Autowired
    DSLContext db;

    @BeforeAll
    static void startStandIn() {
        ALPACA.start();
    }

    @AfterAll
    static void stopStandIn() {
        ALPACA.stop();
    }

    @BeforeEach
    void clean() {
        db.execute("TRUNCATE broker_active_account, broker_account RESTART IDENTITY CASCADE");
        ALPACA.resetAll();
        ALPACA.stubFor(get(urlPathEqualTo("/v2/account")).withHeader("APCA-API-KEY-ID", equalTo(KEY))
                .withHeader("APCA-API-SECRET-KEY", equalTo(SECRET)).willReturn(okJson("""
                        {"id":"acc-e2e","account_number":"PA3E2E","status":"ACTIVE","currency":"USD","cash":"25000.00",
                         "buying_power":"50000","equity":"25000","trading_blocked":false}""")));
    }

    @Test
    void an_admin_connects_the_stand_in_alpaca_tests_the_connection_and_makes_it_active() {
        Page page = signIn(users.admin()).page;
        page.navigate("/connections");
        Browsers.awaitView(page.locator("#connections-view"));

        page.locator("#account-name input").fill("stand-in alpaca");
        page.locator("#account-trading-url input").fill(ALPACA.baseUrl());
        page.locator("#account-market-data-url input").fill(ALPACA.baseUrl());
        page.locator("#account-data-stream-url input").fill("ws://127.0.0.1:9/v2/iex");
        page.locator("#account-key-id input").fill(KEY);
        page.locator("#account-secret input").fill(SECRET);
        page.locator("#account-save").click();

        assertThat(page.locator("#connections-accounts vaadin-grid-cell-content").getByText("stand-in alpaca")).isVisible();
        assertThat(page.locator("#connections-accounts vaadin-grid-cell-content").getByText("••••5678")).isVisible();
        long id = db.select(BROKER_ACCOUNT.ID).from(BROKER_ACCOUNT).where(BROKER_ACCOUNT.NAME.eq("stand-in alpaca")).fetchOne(BROKER_ACCOUNT.ID);

        page.locator("#account-test-" + id).click();
        assertThat(page.locator("vaadin-notification-card").getByText("Connected: account PA3E2E ACTIVE"))
                .isVisible();
        ALPACA.verify(getRequestedFor(urlPathEqualTo("/v2/account")).withHeader("APCA-API-KEY-ID", equalTo(KEY)));
        assertThat(page.locator("#connections-accounts vaadin-grid-cell-content").getByText("OK ("))
                .isVisible();

        page.locator("#account-activation-" + id).click();
        assertThat(page.locator("#account-activation-" + id)).hasText("Deactivate");
        assertThat(db.fetchValue("SELECT account_id FROM broker_active_account")).isEqualTo(id);
        assertThat(page.content()).doesNotContain(SECRET).doesNotContain(KEY);
    }

    @Test
    void an_operator_has_no_connections_page_and_the_api_refuses_it() {
        TestUser operator = users.operator();
        DashboardPage dashboard = signIn(operator);
        assertThat(dashboard.page.locator("#main-navigation").getByText("Orders")).isVisible();
        assertThat(dashboard.page.locator("#main-navigation").getByText("Connections")).hasCount(0);
        assertThat(api(users.apiToken(operator)).get("/api/v1/brokers/accounts").statusCode()).isEqualTo(403);
    }
}
