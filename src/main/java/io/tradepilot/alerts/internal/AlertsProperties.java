package io.tradepilot.alerts.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the alerts ({@code tradepilot.alerts.*}).
 *
 * @param telegramBaseUrl  the Bot API's address for Telegram channels that name none
 * @param sender           the outbox sender
 * @param loginBurst       how many failed sign-ins within {@code loginWindow} raise {@code LOGIN_FAILURES}
 * @param controlCatchUp   control changes at most this old, found in the controls' history at start, are raised
 *                         if no instance raised them (e.g. the app stopped between the change and its alert)
 * @param eodPoll          how often the newest end-of-day reports, tracker findings and scans are looked at
 * @param dailyLossWarning {@code DAILY_LOSS_WARNING} when the day's loss reaches this fraction of the daily loss
 *                         limit (0.5: half-way); 0: off
 * @param openRiskWarning  {@code OPEN_RISK_HIGH} when open risk ÷ equity exceeds this (0.06: 6 %); 0: off
 * @param riskPoll         how often the leader's live portfolio is looked at for these two
 * @param staleWarning     {@code STALE_DATA_WARNING} when the last bar is older than this fraction of
 *                         {@code tradepilot.trading.marketdata.stale-after} (0.5: half-way to the breaker's trip); 0: off
 * @param feedPoll         how often the feed's freshness is looked at for it
 * @param bot              the Telegram bot for linked users ({@link TelegramBot})
 */
@ConfigurationProperties("tradepilot.alerts")
record AlertsProperties(@DefaultValue("https://api.telegram.org") String telegramBaseUrl,
                        @DefaultValue Sender sender,
                        @DefaultValue("10") int loginBurst, @DefaultValue("5m") Duration loginWindow,
                        @DefaultValue("15m") Duration controlCatchUp, @DefaultValue("1m") Duration eodPoll,
                        @DefaultValue("0.5") java.math.BigDecimal dailyLossWarning,
                        @DefaultValue("0.06") java.math.BigDecimal openRiskWarning,
                        @DefaultValue("5s") Duration riskPoll,
                        @DefaultValue("0.5") java.math.BigDecimal staleWarning,
                        @DefaultValue("1s") Duration feedPoll,
                        @DefaultValue Bot bot) {

    /**
     * @param enabled       whether this instance may poll (one instance polls at a time: a lease)
     * @param pollTimeout   how long one {@code getUpdates} long poll waits for a message
     * @param lease         the poller's lease beyond the poll's timeout; another instance takes over after it
     * @param idle          the least time between two polls (and, × 5, the wait when there is nothing to poll)
     * @param ratePerMinute messages a Telegram user may send a minute
     * @param linkCodeTtl   how long a linking code is valid
     * @param confirmWithin how long {@code /kill} waits for {@code /confirm}
     */
    record Bot(@DefaultValue("true") boolean enabled, @DefaultValue("25s") Duration pollTimeout,
               @DefaultValue("10s") Duration lease, @DefaultValue("1s") Duration idle,
               @DefaultValue("20") int ratePerMinute, @DefaultValue("10m") Duration linkCodeTtl,
               @DefaultValue("60s") Duration confirmWithin) {
    }

    /**
     * @param enabled     whether this instance sends (any number of instances may: claims never overlap)
     * @param poll        how often due deliveries are looked for
     * @param batch       at most this many deliveries claimed at once
     * @param lease       a claimed delivery whose sender has not finished within this is due again
     * @param maxAttempts attempts before a delivery is FAILED
     * @param backoff     the wait after the first failed attempt, doubling after each further one …
     * @param maxBackoff  … up to this
     * @param timeout     how long one send may take (connect, and the answer)
     */
    record Sender(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration poll, @DefaultValue("20") int batch,
                  @DefaultValue("2m") Duration lease, @DefaultValue("8") int maxAttempts,
                  @DefaultValue("10s") Duration backoff, @DefaultValue("10m") Duration maxBackoff,
                  @DefaultValue("10s") Duration timeout) {

        /** The wait after failed attempt number {@code attempt} (1-based). */
        Duration backoffAfter(int attempt) {
            Duration wait = backoff;
            for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }
}
