package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.strategy.threeweek.ScanRow;
import io.tradepilot.engine.strategy.threeweek.Setup;
import io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideScanner;
import io.tradepilot.scheduler.NearBreakout;
import io.tradepilot.trading.MarketDataQueries;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 3WI near-breakout watch (the 3WI document's {@code near_breakout}, daily at 15:20 IST by default, at the times in
 * {@code scans.near-breakout-at}): every setup of the scan folder that has not broken out (ACTIVE) is priced — at the
 * engine's latest bar close from the market data cache when there is one (LIVE), else at its last daily close in the
 * folder (DAILY) — and listed when the price is within 1 % of its trigger: long, {@code 100·price ≥ 99·mother high}
 * (the detector's near-breakout rule); short, with shorts on, {@code 100·price ≤ 101·mother low}. The findings are
 * stored per day ({@code near_breakout}; a rerun the same day replaces them) and shown on the Setups page. It only
 * lists: a breakout is confirmed by the weekly close, which the scan enters.
 */
final class NearBreakoutTask implements ScheduledTask {

    static final String NAME = "near-breakout-3wi";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SchedulerProperties.Scans settings;
    private final SchedulerStore store;
    private final MarketDataQueries marketData;
    private final Clock clock;

    NearBreakoutTask(SchedulerProperties.Scans settings, SchedulerStore store, MarketDataQueries marketData, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.marketData = marketData;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result run(Run run) throws Exception {
        Path dir = settings.folder();
        if (dir == null) return Result.skipped("no scan folder configured (tradepilot.scheduler.scans.folder)");
        ExchangeCalendar calendar = ExchangeCalendar.of(run.exchange());
        Map<String, BarSeries> universe = ScanUniverse.read(dir, calendar);
        List<ScanRow> rows = new ThreeWeekInsideScanner(ScanUniverse.parameters(settings), calendar).scan(universe, null, BigDecimal.ZERO);
        Instant now = clock.instant();
        LocalDate day = run.scheduledAt().atZone(calendar.zone()).toLocalDate();
        List<NearBreakout> found = new ArrayList<>();
        int active = 0;
        for (ScanRow r : rows) {
            if (r.state().startsWith("BREAKOUT")) continue;
            active++;
            Setup s = r.setup();
            Optional<BigDecimal> live = liveClose(s.symbol());
            BigDecimal price = live.orElse(s.lastClose());
            if (price == null) continue;
            near(day, s, price, live.isPresent() ? "LIVE" : "DAILY", settings.shorts(), now).ifPresent(found::add);
        }
        found.sort(Comparator.comparing(NearBreakout::distancePercent).thenComparing(NearBreakout::symbol));
        store.saveNearBreakouts(day, found);
        return Result.done(active + " setups not broken out, " + found.size() + " near breakout"
                + (found.isEmpty() ? "" : ": " + String.join(", ", found.stream().map(n -> n.symbol() + " " + n.direction()
                + " " + n.distancePercent().toPlainString() + " %").toList())));
    }

    /** The finding for setup {@code s} at {@code price}, when within 1 % of a trigger (see the class comment). */
    static Optional<NearBreakout> near(LocalDate day, Setup s, BigDecimal price, String source, boolean shorts, Instant at) {
        String id = SetupDecision.setupId(s.symbol(), s.motherWeek());
        if (HUNDRED.multiply(price).compareTo(BigDecimal.valueOf(99).multiply(s.motherHigh())) >= 0) {
            BigDecimal distance = s.motherHigh().subtract(price).multiply(HUNDRED).divide(s.motherHigh(), MathContext.DECIMAL64)
                    .setScale(2, RoundingMode.HALF_EVEN);
            return Optional.of(new NearBreakout(day, id, s.symbol(), "UP", s.motherHigh(), s.motherLow(), price, source, distance, s.quality(), at));
        }
        if (shorts && HUNDRED.multiply(price).compareTo(BigDecimal.valueOf(101).multiply(s.motherLow())) <= 0) {
            BigDecimal distance = price.subtract(s.motherLow()).multiply(HUNDRED).divide(s.motherLow(), MathContext.DECIMAL64)
                    .setScale(2, RoundingMode.HALF_EVEN);
            return Optional.of(new NearBreakout(day, id, s.symbol(), "DOWN", s.motherHigh(), s.motherLow(), price, source, distance, s.quality(), at));
        }
        return Optional.empty();
    }

    private Optional<BigDecimal> liveClose(String symbol) {
        try {
            return MarketDataQueries.SYMBOL.matcher(symbol).matches() ? marketData.latestClose(symbol) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // the cache cannot be read now: the folder's daily close stands in
        }
    }
}
