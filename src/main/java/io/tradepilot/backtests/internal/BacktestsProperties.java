package io.tradepilot.backtests.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code tradepilot.backtests.*}.
 *
 * @param workers            runs executed at once on this instance (Quartz threads; 0: this instance runs none)
 * @param maxRunningPerUser  runs of one user RUNNING at once across the cluster; the rest wait QUEUED
 * @param deferral           how long a run that may not start yet waits before it is looked at again
 * @param clusterCheckin     Quartz's cluster check-in interval: a crashed worker's runs are recovered after about this
 * @param progressInterval   how often a running run writes its progress and looks for a cancel request
 * @param data               the bars backtests run on
 */
@ConfigurationProperties("tradepilot.backtests")
record BacktestsProperties(@DefaultValue("2") int workers, @DefaultValue("1") int maxRunningPerUser,
                           @DefaultValue("1s") Duration deferral, @DefaultValue("7500ms") Duration clusterCheckin,
                           @DefaultValue("250ms") Duration progressInterval, @DefaultValue Data data) {

    BacktestsProperties {
        if (workers < 0) throw new IllegalArgumentException("tradepilot.backtests.workers must not be negative");
        if (maxRunningPerUser < 1) throw new IllegalArgumentException("tradepilot.backtests.max-running-per-user must be at least 1");
    }

    /**
     * @param synthetic the seeded synthetic market (daily bars)
     * @param csvFolder a folder of {@code SYMBOL.csv} files (the bundled fixtures or a download), or null
     * @param csvZone   the exchange zone of the CSV files
     */
    record Data(@DefaultValue Synthetic synthetic, Path csvFolder, @DefaultValue("Asia/Kolkata") ZoneId csvZone) {
    }

    /** Daily NSE-like bars per symbol from {@code firstDay}, seeded per symbol as the live replay seeds its series. */
    record Synthetic(@DefaultValue({"SYNTH-ALPHA", "SYNTH-BETA", "SYNTH-GAMMA"}) List<String> symbols,
                     @DefaultValue("2019-01-01") LocalDate firstDay, @DefaultValue("1500") int tradingDays,
                     @DefaultValue("42") long seed) {
    }
}
