package io.tradepilot.scheduler.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the scheduler ({@code tradepilot.scheduler.*}). The square-off's time is the trading
 * module's ({@code tradepilot.trading.square-off.*}): the host's market-time square-off uses it too.
 *
 * @param enabled          false: no scheduler on this instance (no jobs registered, none run)
 * @param runOn            {@code leader}: jobs run only on the instance that runs the engine; {@code always}: on
 *                         every instance with the scheduler (the clustered job store still fires each trigger once)
 * @param leaderCheck      how often this instance checks whether it runs the engine (start / standby the scheduler)
 * @param misfireThreshold a trigger this late is a misfire (handled per its job's instruction, logged, recorded)
 * @param clusterCheckin   how often the clustered job store checks in (a dead instance's runs are recovered after it)
 * @param eodReport        the end-of-day report
 * @param scans            the scheduled 3WI scan (off without a folder), its near-breakout watch and exit watch
 * @param tracker          what the hourly position tracker does with its exit and caution findings
 */
@ConfigurationProperties("tradepilot.scheduler")
public record SchedulerProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("LEADER") RunOn runOn,
                                  @DefaultValue("5s") Duration leaderCheck,
                                  @DefaultValue("60s") Duration misfireThreshold,
                                  @DefaultValue("10s") Duration clusterCheckin,
                                  @DefaultValue EodReport eodReport,
                                  @DefaultValue Scans scans,
                                  @DefaultValue Tracker tracker) {

    public enum RunOn { LEADER, ALWAYS }

    /** @param afterClose how long after the close (early closes included) the report is made */
    public record EodReport(@DefaultValue("15m") Duration afterClose) {
    }

    /**
     * @param folder             folder of daily bar files ({@code SYMBOL.csv}); none: no scan job
     * @param exchange           the exchange whose calendar the data follows (NSE or NYSE)
     * @param at                 exchange local times of the scan on trading days (3WI document: 09:25 pre-open and 15:10
     *                           close scan), one job per time; each (trading day, time) is scanned at most once
     * @param capital            sizing capital (3WI seed: 400000)
     * @param riskPercent        risk per trade in percent
     * @param maxOpenRiskPercent cap of the total open risk in percent
     * @param shorts             size downside breakouts as shorts
     * @param placeOrders        true: qualified setups become entry orders (strategy {@code 3wi}, the live risk chain);
     *                           false (the default, and for the synthetic demo): setups are listed only, each
     *                           qualified one recorded as skipped because orders are off
     * @param nearBreakoutAt     exchange local times of the near-breakout watch on trading days (3WI document: 15:20);
     *                           empty: no watch
     * @param exitWatch          how often the stops and targets of the entered setups are checked against new bars
     * @param moveStops          true (default): the exit watch moves an entered trade's stop to breakeven and trails it
     *                           ({@code SetupStopRule}, the 3WI document's tracker rules); false: the plan's stop holds
     */
    public record Scans(Path folder, @DefaultValue("NSE") String exchange,
                        @DefaultValue("09:25,15:10") java.util.List<java.time.LocalTime> at,
                        @DefaultValue("400000") BigDecimal capital, @DefaultValue("1.5") BigDecimal riskPercent,
                        @DefaultValue("6") BigDecimal maxOpenRiskPercent, @DefaultValue("false") boolean shorts,
                        @DefaultValue("false") boolean placeOrders,
                        @DefaultValue("15:20") java.util.List<java.time.LocalTime> nearBreakoutAt,
                        @DefaultValue("2s") Duration exitWatch, @DefaultValue("true") boolean moveStops) {

        public Scans {
            at = at == null ? java.util.List.of() : java.util.List.copyOf(new java.util.TreeSet<>(at));
            nearBreakoutAt = nearBreakoutAt == null ? java.util.List.of() : java.util.List.copyOf(nearBreakoutAt);
            if (exitWatch == null || exitWatch.isNegative() || exitWatch.isZero()) {
                throw new IllegalArgumentException("scans.exit-watch must be positive: " + exitWatch);
            }
        }
    }

    /** ACT: place the exit of the 3WI trade holding the position; ALERT: only alert (the finding is stored and alerted). */
    public enum TrackerAction { ACT, ALERT }

    /**
     * @param onExit    an {@code exit} finding (−6 %) on a 3WI scan trade: ACT (default) or ALERT
     * @param onCaution a {@code caution} finding (−3 %): ALERT (default, the 3WI document's "watch closely") or ACT (exit)
     */
    public record Tracker(@DefaultValue("ACT") TrackerAction onExit, @DefaultValue("ALERT") TrackerAction onCaution) {
    }
}
