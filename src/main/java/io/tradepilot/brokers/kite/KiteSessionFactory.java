package io.tradepilot.brokers.kite;

import io.tradepilot.brokers.AccountCredentials;
import io.tradepilot.brokers.BrokerErrors;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.ConnectionCheck;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.brokers.VenueSessionFactory;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import io.tradepilot.brokers.internal.KiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Opens {@link KiteSession}s for stored Kite accounts: REST API at the account's trading URL, KiteTicker (ticks and
 * order updates) at its data-stream URL, {@code api_key} and {@code api_secret} as its key id and secret, the day's
 * access token from the daily login ({@code BrokerAccounts.storeAccessToken}); login page and product from
 * {@link KiteProperties}; Kite's defaults for the rest ({@link KiteConfig#of}). Kite has no paper endpoints: a PAPER
 * account's session reports {@code live() == false}. Tests an account with {@code GET /user/profile}, which needs a
 * valid access token. Trading failures of an open session reach {@link BrokerErrors}.
 */
@Component
public class KiteSessionFactory implements VenueSessionFactory {

    private static final Logger log = LoggerFactory.getLogger(KiteSessionFactory.class);

    /** A connection test asks once more after a failure, then says what happened. */
    private static final BrokerCallGuard.Settings CHECK_GUARD =
            new BrokerCallGuard.Settings(200, Duration.ofSeconds(5), 3, Duration.ofSeconds(30), 2, Duration.ofMillis(500));

    private final KiteProperties properties;
    private final Clock clock;
    private final BrokerErrors signal;

    public KiteSessionFactory(KiteProperties properties, Clock clock, BrokerErrors signal) {
        this.properties = properties;
        this.clock = clock;
        this.signal = signal;
    }

    @Override
    public BrokerKind broker() {
        return BrokerKind.KITE;
    }

    /** The adapter's settings for {@code account}: its URLs and credentials, the shared login page and product. */
    public static KiteConfig config(AccountCredentials account, KiteProperties properties) {
        return KiteConfig.of(account.keyId(), account.secret())
                .withUrls(account.tradingUrl(), properties.loginUrl(), account.dataStreamUrl())
                .withProduct(properties.product())
                .withLive(account.live());
    }

    /** A session with the account's access token when it is still valid; without one it reports "login needed". */
    @Override
    public VenueSession open(AccountCredentials account) {
        String accountId = Long.toString(account.accountId());
        KiteSession session = new KiteSession(accountId, config(account, properties), usableToken(account), clock, signal,
                why -> log.warn("Kite account {}: login needed ({})", account.name(), why));
        session.tokenExpiresAt(account.accessTokenExpiresAt());
        return session;
    }

    @Override
    public ConnectionCheck check(AccountCredentials account) {
        String token = usableToken(account);
        if (token == null) {
            return new ConnectionCheck(false, KiteSession.LOGIN_NEEDED + ": " + (account.accessToken() == null
                    ? "no access token yet, sign in at Kite (Kite login page)"
                    : "the access token expired at " + account.accessTokenExpiresAt() + ", sign in at Kite again"), clock.instant());
        }
        HttpClient http = null;
        try {
            KiteConfig config = config(account, properties);
            http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
            BrokerCallGuard guard = new BrokerCallGuard("kite-check", CHECK_GUARD,
                    e -> e instanceof KiteException k && k.brokerFailure(),
                    e -> e instanceof KiteException k && k.retryable(), BrokerErrors.IGNORE);
            KiteClient client = new KiteClient(http, config, guard);
            client.accessToken(token);
            return new ConnectionCheck(true, "Kite user " + client.profileUserId() + ", token valid until "
                    + account.accessTokenExpiresAt(), clock.instant());
        } catch (KiteException e) {
            return new ConnectionCheck(false, (e.kind() == KiteException.Kind.TOKEN ? KiteSession.LOGIN_NEEDED + ": " : "")
                    + e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            return new ConnectionCheck(false, "cannot reach Kite: " + e.getClass().getSimpleName(), clock.instant());
        } finally {
            if (http != null) http.shutdownNow();
        }
    }

    private String usableToken(AccountCredentials account) {
        if (account.accessToken() == null) return null;
        if (account.accessTokenExpiresAt() != null && !clock.instant().isBefore(account.accessTokenExpiresAt())) return null;
        return account.accessToken();
    }
}
