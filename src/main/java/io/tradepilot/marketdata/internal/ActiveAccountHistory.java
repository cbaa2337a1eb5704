package io.tradepilot.marketdata.internal;

import io.tradepilot.brokers.AccountHistory;
import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.marketdata.BrokerHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link BrokerHistory} from the active broker account, through the brokers module's API: a read-only history client
 * of its own ({@link VenueAccounts#historyReader()}: no stream, not the account's trading session, so the Connections
 * page's health and the account's last error stay as they were, on a leader or a standby), the broker's instrument
 * for the symbol, its history, then closed.
 */
final class ActiveAccountHistory implements BrokerHistory {

    private final VenueAccounts accounts;

    ActiveAccountHistory(VenueAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Fetched fetch(String symbol, Duration barSize, Instant from, Instant to) {
        Optional<AccountHistory> opened;
        try {
            opened = accounts.historyReader();
        } catch (IllegalStateException e) {
            throw new Unavailable("NO_BROKER", "the active broker account cannot be used: " + e.getMessage(), null);
        }
        if (opened.isEmpty()) {
            throw new Unavailable("NO_BROKER", "no broker account is active (Connections page)", null);
        }
        try (AccountHistory reader = opened.get()) {
            Instrument instrument;
            try {
                instrument = reader.instrument(symbol).orElseThrow(() -> new Unavailable("UNKNOWN_SYMBOL",
                        reader.broker() + " does not list " + symbol, null));
                return new Fetched(reader.broker() + " account " + reader.accountId(), reader.history(instrument, barSize, from, to));
            } catch (Unavailable e) {
                throw e;
            } catch (RuntimeException e) {
                throw new Unavailable("BROKER_FAILED", reader.broker() + " history failed: " + e.getMessage(), e);
            }
        }
    }
}
