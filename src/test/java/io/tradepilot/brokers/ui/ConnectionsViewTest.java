package io.tradepilot.brokers.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.tradepilot.brokers.AccountEnvironment;
import io.tradepilot.brokers.BrokerAccount;
import io.tradepilot.brokers.BrokerAccountRefusal;
import io.tradepilot.brokers.BrokerAccountRequest;
import io.tradepilot.brokers.BrokerAccounts;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.ConnectionCheck;
import io.tradepilot.brokers.VenueHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Connections page without a browser: an admin adds the stand-in Alpaca with what was typed (credentials only
 * from the password fields, never filled back), sees a refusal under its field, tests the connection; an edit leaves
 * the credentials empty (kept).
 */
class ConnectionsViewTest {

    private final List<BrokerAccountRequest> created = new ArrayList<>();
    private final List<Map.Entry<Long, BrokerAccountRequest>> updated = new ArrayList<>();
    private final List<Long> tested = new ArrayList<>();
    private final List<BrokerAccount> stored = new ArrayList<>();

    private final BrokerAccounts accounts = new BrokerAccounts() {
        public List<BrokerAccount> accounts() {
            return List.copyOf(stored);
        }

        public BrokerAccount create(BrokerAccountRequest request) {
            created.add(request);
            if (request.tradingUrl().startsWith("ftp")) {
                throw BrokerAccountRefusal.badParameter("tradingUrl", "tradingUrl must start with http:// or https://");
            }
            BrokerAccount account = account(1, request.name(), false, null);
            stored.add(account);
            return account;
        }

        public BrokerAccount update(long id, BrokerAccountRequest request) {
            updated.add(Map.entry(id, request));
            return account(id, request.name(), false, null);
        }

        public void delete(long id) {
        }

        public ConnectionCheck test(long id) {
            tested.add(id);
            return new ConnectionCheck(true, "account PA3STANDIN ACTIVE, cash 100000 USD", Instant.EPOCH);
        }

        public BrokerAccount activate(long id) {
            return account(id, "x", true, null);
        }

        public BrokerAccount storeAccessToken(long id, String accessToken, Instant expiresAt) {
            return null;
        }

        public void deactivate() {
        }
    };

    private static BrokerAccount account(long id, String name, boolean active, VenueHealth health) {
        return new BrokerAccount(id, BrokerKind.ALPACA, name, AccountEnvironment.PAPER, "http://127.0.0.1:18201",
                "http://127.0.0.1:18201", null, "ws://127.0.0.1:18202/v2/iex", "iex", "••••4321", true, active, null, null, null,
                false, null, health, "admin", Instant.EPOCH);
    }

    @BeforeEach
    void ui() {
        UI.setCurrent(new UI());
    }

    @AfterEach
    void clear() {
        UI.setCurrent(null);
    }

    @Test
    void an_admin_adds_the_stand_in_alpaca_sees_a_refusal_under_its_field_and_tests_the_connection() {
        ConnectionsView view = new ConnectionsView(accounts);
        view.form.name.setValue("stand-in alpaca");
        view.form.tradingUrl.setValue("ftp://127.0.0.1:18201");
        view.form.marketDataUrl.setValue("http://127.0.0.1:18201");
        view.form.dataStreamUrl.setValue("ws://127.0.0.1:18202/v2/iex");
        view.form.keyId.setValue("PKSTANDIN00KEY4321");
        view.form.secret.setValue("standin-secret");
        view.form.save.click();

        assertThat(view.form.tradingUrl.isInvalid()).isTrue();
        assertThat(view.form.tradingUrl.getErrorMessage()).contains("http://");
        assertThat(view.form.secret.getValue()).as("kept for correcting").isEqualTo("standin-secret");

        view.form.tradingUrl.setValue("http://127.0.0.1:18201");
        view.form.save.click();
        assertThat(created).hasSize(2);
        BrokerAccountRequest request = created.get(1);
        assertThat(request.broker()).isEqualTo(BrokerKind.ALPACA);
        assertThat(request.environment()).isEqualTo(AccountEnvironment.PAPER);
        assertThat(request.keyId()).isEqualTo("PKSTANDIN00KEY4321");
        assertThat(request.secret()).isEqualTo("standin-secret");
        assertThat(request.tradeStreamUrl()).isEmpty();
        assertThat(view.form.tradingUrl.isInvalid()).isFalse();
        assertThat(view.form.secret.getValue()).as("cleared once saved").isEmpty();
        assertThat(view.form.keyId.getValue()).isEmpty();

        BrokerAccount added = stored.getFirst();
        assertThat(ConnectionsView.state(added)).isEqualTo("enabled");
        assertThat(ConnectionsView.lastTest(added)).isEqualTo("never tested");
        assertThat(accounts.test(added.id()).ok()).isTrue();
        assertThat(tested).containsExactly(1L);
    }

    @Test
    void editing_never_fills_the_credentials_and_empty_ones_are_kept() {
        ConnectionsView view = new ConnectionsView(accounts);
        view.form.edit(account(5, "paper", false, null));
        assertThat(view.form.keyId.getValue()).isEmpty();
        assertThat(view.form.secret.getValue()).isEmpty();
        assertThat(view.form.keyId.getPlaceholder()).contains("••••4321");
        view.form.name.setValue("paper renamed");
        view.form.save.click();
        assertThat(updated).hasSize(1);
        assertThat(updated.getFirst().getKey()).isEqualTo(5L);
        assertThat(updated.getFirst().getValue().keyId()).isNull();
        assertThat(updated.getFirst().getValue().secret()).isNull();
    }

    @Test
    void the_state_of_the_active_account_shows_its_session() {
        BrokerAccount active = account(2, "live", true, new VenueHealth(false, true, 17, Instant.parse("2026-12-08T00:30:00Z"),
                "market data: error 406 (connection limit exceeded)"));
        assertThat(ConnectionsView.state(active)).isEqualTo("active, not connected, broker failing, 17 requests left this minute,"
                + " last error: market data: error 406 (connection limit exceeded), token valid until 2026-12-08 00:30:00 UTC");
    }
}
