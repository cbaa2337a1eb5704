package io.tradepilot.brokers.internal;

import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.brokers.KiteLoginStatus;
import io.tradepilot.brokers.KiteTokens;
import io.tradepilot.security.SecretBox;

import java.time.Clock;
import java.util.Optional;

/** The stored Kite tokens for the code that opens Kite sessions (see {@link KiteTokens}); no user, no method security. */
class DefaultKiteTokens implements KiteTokens {

    private final KiteProperties properties;
    private final JooqKiteLoginStore store;
    private final SecretBox secrets;
    private final BrokersAudit audit;
    private final Clock clock;

    DefaultKiteTokens(KiteProperties properties, JooqKiteLoginStore store, SecretBox secrets, BrokersAudit audit, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<String> accessToken(String accountId) {
        if (!properties.configured() || !properties.accountId().equals(accountId)) return Optional.empty();
        if (DefaultKiteLogins.status(properties, store, clock.instant()).state() != KiteLoginStatus.State.LOGGED_IN) return Optional.empty();
        return store.find(accountId).map(l -> secrets.open(l.sealedToken(), DefaultKiteLogins.context(accountId)));
    }

    @Override
    public void refused(String accountId, String why) {
        String detail = why == null ? "Kite refused the access token" : why.length() > 500 ? why.substring(0, 500) : why;
        if (store.markProblem(accountId, detail, clock.instant())) {
            audit.system(BrokersAudit.KITE_LOGIN_NEEDED, accountId, AuditOutcome.SUCCESS, "login needed: " + detail);
        }
    }
}
