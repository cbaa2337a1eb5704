package io.tradepilot.brokers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradepilot.brokers.AccountEnvironment;
import io.tradepilot.brokers.BrokerAccount;
import io.tradepilot.brokers.BrokerAccountRefusal;
import io.tradepilot.brokers.BrokerAccountRequest;
import io.tradepilot.brokers.BrokerAccounts;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.ConnectionCheck;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Broker accounts over REST, for admins (method security in {@link BrokerAccounts}; anyone else gets 403 and the
 * attempt is audited). Bad input is a problem with a stable {@code code} and the {@code field}: 400
 * {@code INVALID_PARAMETER}, 422 {@code INVALID_TEXT}, 404 {@code ACCOUNT_NOT_FOUND}, 409 {@code ACCOUNT_NAME_TAKEN},
 * {@code ACCOUNT_DISABLED}, {@code ACCOUNT_ACTIVE}, {@code SECRETS_UNREADABLE}, 422 {@code BROKER_NOT_SUPPORTED}, 503
 * {@code AUDIT_UNAVAILABLE}. Credentials go in ({@code keyId}, {@code secret}) and never come out: an account shows a
 * masked {@code keyHint}.
 */
@RestController
@RequestMapping("/api/v1/brokers/accounts")
@Tag(name = "Broker accounts", description = "Alpaca and Kite accounts: add, test, make active (admin)")
class BrokerAccountsApiController {

    private final BrokerAccounts accounts;

    BrokerAccountsApiController(BrokerAccounts accounts) {
        this.accounts = accounts;
    }

    /** An account to create or its new settings; blank URLs take the broker's defaults, null credentials keep the stored ones. */
    record AccountBody(String broker, String name, String environment, String tradingUrl, String marketDataUrl,
                       String tradeStreamUrl, String dataStreamUrl, String dataFeed, Boolean enabled, String keyId,
                       String secret) {

        @Override
        public String toString() {
            return "AccountBody[broker=" + broker + ", name=" + name + "]";
        }
    }

    @GetMapping
    @Operation(summary = "Every broker account with its state; credentials masked (admin)")
    List<BrokerAccount> list() {
        return accounts.accounts();
    }

    @PostMapping
    @Operation(summary = "Add a broker account; keyId and secret are stored encrypted and never returned (admin, audited)")
    ResponseEntity<BrokerAccount> create(@RequestBody AccountBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(accounts.create(request(body)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an account's settings; omit keyId and secret to keep them (admin, audited)")
    BrokerAccount update(@PathVariable String id, @RequestBody AccountBody body) {
        return accounts.update(id(id), request(body));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an account that is not active (admin, audited)")
    ResponseEntity<Void> delete(@PathVariable String id) {
        accounts.delete(id(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Test the connection (Alpaca: GET /v2/account) and record the outcome (admin, audited)")
    ConnectionCheck test(@PathVariable String id) {
        return accounts.test(id(id));
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Make the account the one the engine trades through (admin, audited)")
    BrokerAccount activate(@PathVariable String id) {
        return accounts.activate(id(id));
    }

    @PostMapping("/deactivate")
    @Operation(summary = "No account active: the engine trades the built-in paper venue (admin, audited)")
    ResponseEntity<Void> deactivate() {
        accounts.deactivate();
        return ResponseEntity.noContent().build();
    }

    private static BrokerAccountRequest request(AccountBody body) {
        return new BrokerAccountRequest(parse(BrokerKind.class, "broker", body.broker()), body.name(),
                parse(AccountEnvironment.class, "environment", body.environment()), body.tradingUrl(), body.marketDataUrl(),
                body.tradeStreamUrl(), body.dataStreamUrl(), body.dataFeed(), body.enabled(), body.keyId(), body.secret());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BrokerAccountRefusal.badParameter(field, field + " must be one of " + List.of(type.getEnumConstants()));
        }
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw BrokerAccountRefusal.badParameter("id", "id must be an integer");
        }
    }
}
