package io.tradepilot.brokers.alpaca;

import io.tradepilot.brokers.AccountCredentials;
import io.tradepilot.brokers.BrokerErrors;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.ConnectionCheck;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.brokers.VenueSessionFactory;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import org.springframework.stereotype.Component;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Opens {@link AlpacaSession}s for stored Alpaca accounts (trading URL, {@code trade_updates} URL, market-data URL and
 * stream, feed, key id and secret from the account; Alpaca's defaults for the rest, see {@link AlpacaConfig#of}) and
 * tests an account with {@code GET /v2/account}. Trading failures of an open session reach {@link BrokerErrors}.
 */
@Component
public class AlpacaSessionFactory implements VenueSessionFactory {

    /** A connection test asks once more after a 429 or a failure, then says what happened. */
    private static final BrokerCallGuard.Settings CHECK_GUARD =
            new BrokerCallGuard.Settings(200, Duration.ofSeconds(5), 3, Duration.ofSeconds(30), 2, Duration.ofMillis(500));

    private final Clock clock;
    private final BrokerErrors signal;

    public AlpacaSessionFactory(Clock clock, BrokerErrors signal) {
        this.clock = clock;
        this.signal = signal;
    }

    @Override
    public BrokerKind broker() {
        return BrokerKind.ALPACA;
    }

    @Override
    public VenueSession open(AccountCredentials account) {
        return new AlpacaSession(account, config(account), clock, signal);
    }

    /** The trading side of {@code account}: its URLs and credentials, Alpaca's default timeouts and guard. */
    static AlpacaConfig config(AccountCredentials account) {
        return AlpacaConfig.of(account.tradingUrl(), account.keyId(), account.secret()).withStreamUrl(account.tradeStreamUrl());
    }

    @Override
    public ConnectionCheck check(AccountCredentials account) {
        try {
            AlpacaConfig config = config(account);
            HttpClient http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
            BrokerCallGuard guard = new BrokerCallGuard("alpaca-check", CHECK_GUARD,
                    e -> e instanceof AlpacaException a && a.brokerFailure(),
                    e -> e instanceof AlpacaException a && a.retryable(), BrokerErrors.IGNORE);
            AlpacaAccount a = new AlpacaClient(http, config, guard).account();
            String detail = "account " + a.accountNumber() + " " + a.status() + ", cash " + (a.cash() == null ? "?" : a.cash().toPlainString())
                    + " " + a.currency() + (a.tradingBlocked() ? "; trading blocked" : "");
            boolean ok = !a.tradingBlocked() && "ACTIVE".equalsIgnoreCase(a.status());
            return new ConnectionCheck(ok, detail, clock.instant());
        } catch (AlpacaException e) {
            return new ConnectionCheck(false, e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            return new ConnectionCheck(false, "cannot reach Alpaca: " + e.getClass().getSimpleName(), clock.instant());
        }
    }
}
