package io.tradepilot.marketdata.internal;

import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.marketdata.BrokerHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link BrokerHistory} from the active broker account, through the brokers module's API: a session of its own
 * (no streams started), the broker's instrument for the symbol, its history, then closed.
 */
final class ActiveAccountHistory implements BrokerHistory {

    private final VenueAccounts accounts;

    ActiveAccountHistory(VenueAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Fetched fetch(String symbol, Duration barSize, Instant from, Instant to) {
        Optional<VenueSession> opened = accounts.activeSession();
        if (opened.isEmpty()) {
            throw new Unavailable("NO_BROKER", "no broker account is active (Connections page), or it cannot be opened", null);
        }
        try (VenueSession session = opened.get()) {
            Instrument instrument;
            try {
                instrument = session.instrument(symbol).orElseThrow(() -> new Unavailable("UNKNOWN_SYMBOL",
                        session.broker() + " does not list " + symbol, null));
                return new Fetched(session.broker() + " account " + session.accountId(), session.history(instrument, barSize, from, to));
            } catch (Unavailable e) {
                throw e;
            } catch (RuntimeException e) {
                throw new Unavailable("BROKER_FAILED", session.broker() + " history failed: " + e.getMessage(), e);
            }
        }
    }
}
