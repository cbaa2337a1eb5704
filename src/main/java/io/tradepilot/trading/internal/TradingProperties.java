package io.tradepilot.trading.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Settings of live paper trading ({@code tradepilot.trading.*}) and of its market data
 * ({@code tradepilot.trading.marketdata.*}).
 *
 * @param enabled        whether this instance tries to run the engine at all (it still needs the leader lock)
 * @param autoStartup    whether the engine starts with the application (false: only when the host's
 *                       {@code start()} is called, e.g. by a test that prepares the ledger first)
 * @param initialCash    the paper account's cash before the first fill
 * @param currency       the account currency (ISO code); every instrument must be in it
 * @param marketZone     the zone whose calendar days are trading days (daily loss, DAY orders)
 * @param leaderLockKey  the PostgreSQL advisory lock key that elects the one instance running the engine
 * @param tick           how often the host checks data freshness and the kill switch against working orders
 * @param standbyRetry   how often a standby instance tries to take the leader lock over
 * @param strategies     the strategies to run, each on its symbols
 * @param limits         automatic loss triggers and pre-trade risk limits
 * @param marketdata     where bars come from and how they are checked
 * @param squareOff      when the intraday strategies' positions are squared off each trading day
 * @param paper          the paper broker's slippage and charges
 * @param sessionBars    how a broker account's live bars are made ({@code tradepilot.trading.session-bars.*})
 */
@ConfigurationProperties("tradepilot.trading")
public record TradingProperties(@DefaultValue("true") boolean enabled,
                                @DefaultValue("true") boolean autoStartup,
                                @DefaultValue("1000000") BigDecimal initialCash,
                                @DefaultValue("INR") String currency,
                                @DefaultValue("Asia/Kolkata") ZoneId marketZone,
                                @DefaultValue("7401") long leaderLockKey,
                                @DefaultValue("250ms") Duration tick,
                                @DefaultValue("10s") Duration standbyRetry,
                                @DefaultValue List<StrategySettings> strategies,
                                @DefaultValue Limits limits,
                                @DefaultValue MarketData marketdata,
                                @DefaultValue SquareOff squareOff,
                                @DefaultValue Paper paper,
                                @DefaultValue SessionBars sessionBars) {

    @ConstructorBinding
    public TradingProperties {
        if (paper == null) paper = Paper.FREE;
        if (sessionBars == null) sessionBars = SessionBars.DEFAULT;
    }

    /** Settings with the default session bars (built from trades, 5 minutes). */
    public TradingProperties(boolean enabled, boolean autoStartup, BigDecimal initialCash, String currency, ZoneId marketZone,
                             long leaderLockKey, Duration tick, Duration standbyRetry, List<StrategySettings> strategies,
                             Limits limits, MarketData marketdata, SquareOff squareOff, Paper paper) {
        this(enabled, autoStartup, initialCash, currency, marketZone, leaderLockKey, tick, standbyRetry, strategies, limits,
                marketdata, squareOff, paper, SessionBars.DEFAULT);
    }

    /** Settings whose paper fills are free of slippage and charges (hosts built in code). */
    public TradingProperties(boolean enabled, boolean autoStartup, BigDecimal initialCash, String currency, ZoneId marketZone,
                             long leaderLockKey, Duration tick, Duration standbyRetry, List<StrategySettings> strategies,
                             Limits limits, MarketData marketdata, SquareOff squareOff) {
        this(enabled, autoStartup, initialCash, currency, marketZone, leaderLockKey, tick, standbyRetry, strategies, limits,
                marketdata, squareOff, Paper.FREE);
    }

    /** Settings with the default square-off (15:25, five minutes before the close at the latest). */
    public TradingProperties(boolean enabled, boolean autoStartup, BigDecimal initialCash, String currency, ZoneId marketZone,
                             long leaderLockKey, Duration tick, Duration standbyRetry, List<StrategySettings> strategies,
                             Limits limits, MarketData marketdata) {
        this(enabled, autoStartup, initialCash, currency, marketZone, leaderLockKey, tick, standbyRetry, strategies, limits,
                marketdata, new SquareOff(LocalTime.of(15, 25), Duration.ofMinutes(5)));
    }

    /**
     * The exchange whose calendar the traded market follows: NSE for the synthetic market and an NSE
     * CSV replay, NYSE for a replay of US instruments.
     */
    public String exchange() {
        return marketdata.source() == Source.CSV && !"NSE".equalsIgnoreCase(marketdata.csv().exchange()) ? "NYSE" : "NSE";
    }

    /** The symbols of the strategies configured {@code intraday: true}. */
    public java.util.Set<String> intradaySymbols() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (StrategySettings s : strategies) if (s.intraday()) out.addAll(s.symbols());
        return java.util.Collections.unmodifiableSet(out);
    }

    /**
     * The end-of-day square-off of intraday strategies ({@code tradepilot.trading.square-off.*}).
     *
     * @param at          exchange local time (default 15:25)
     * @param beforeClose the square-off happens at the latest this long before the session's close (early closes)
     */
    public record SquareOff(@DefaultValue("15:25") LocalTime at, @DefaultValue("5m") Duration beforeClose) {
        public io.tradepilot.engine.calendar.SquareOffRule rule() {
            return new io.tradepilot.engine.calendar.SquareOffRule(at, beforeClose);
        }
    }

    /** The charge schedule of paper fills; AUTO picks the traded market's broker. */
    public enum Charges { AUTO, NONE, ZERODHA_DELIVERY, ZERODHA_INTRADAY, ALPACA }

    /**
     * What a paper fill costs ({@code tradepilot.trading.paper.*}), so that paper P&L is what a broker would
     * book: market and stop fills move {@code slippageBps} against the order (AITRAPP: 5 bps), and every fill
     * pays {@code charges}. AUTO: Zerodha's NSE equity charges (intraday MIS when every configured strategy
     * is intraday, otherwise delivery CNC) on NSE, Alpaca's (zero commission, SEC and FINRA fees on sells)
     * on a US replay. Backtests keep their own fill assumptions.
     *
     * @param slippageBps adverse slippage in basis points, at least 0
     * @param charges     the charge schedule
     */
    public record Paper(@DefaultValue("5") BigDecimal slippageBps, @DefaultValue("AUTO") Charges charges) {
        /** No slippage, no charges. */
        public static final Paper FREE = new Paper(BigDecimal.ZERO, Charges.NONE);

        public Paper {
            if (slippageBps == null || slippageBps.signum() < 0) throw new IllegalArgumentException("paper.slippage-bps must be 0 or more: " + slippageBps);
            if (charges == null) charges = Charges.AUTO;
        }
    }

    /**
     * One configured strategy.
     *
     * @param id       the strategy id (client order ids start with it); defaults to the name
     * @param name     the strategy to build ({@code sma-cross})
     * @param symbols  the symbols it trades, one instance each
     * @param quantity the order quantity
     * @param params   the strategy's parameters (sma-cross: {@code fast}, {@code slow})
     * @param intraday true: its positions are squared off at the end of every trading day (see {@link SquareOff});
     *                 false (default): positions are carried overnight
     * @param sizing   how its entries are sized (default: the fixed {@code quantity}); see {@link Sizing}
     */
    public record StrategySettings(String id, String name, List<String> symbols, @DefaultValue("100") BigDecimal quantity,
                                   @DefaultValue Map<String, String> params, @DefaultValue("false") boolean intraday,
                                   @DefaultValue Sizing sizing) {

        @ConstructorBinding
        public StrategySettings {
            if (sizing == null) sizing = Sizing.FIXED;
        }

        /** A strategy trading its fixed {@code quantity}. */
        public StrategySettings(String id, String name, List<String> symbols, BigDecimal quantity, Map<String, String> params, boolean intraday) {
            this(id, name, symbols, quantity, params, intraday, Sizing.FIXED);
        }

        /** A strategy that carries its positions overnight. */
        public StrategySettings(String id, String name, List<String> symbols, BigDecimal quantity, Map<String, String> params) {
            this(id, name, symbols, quantity, params, false);
        }

        public String strategyId() {
            return id == null || id.isBlank() ? name : id;
        }
    }

    /**
     * A strategy's sizing mode ({@code tradepilot.trading.strategies[n].sizing.*}; the engine's
     * {@link io.tradepilot.engine.strategy.SizingRule}). {@code fixed} (default) trades the strategy's
     * {@code quantity}; {@code fixed-fractional} risks {@code risk-fraction} of equity to the entry's stop (AITRAPP:
     * 0.005); {@code atr} the same to {@code atr-multiple x ATR(atr-period)}; {@code half-kelly} risks
     * {@code min(Kelly / 2, kelly-cap)} from {@code win-rate}, {@code average-win}, {@code average-loss}. Risk-based
     * modes need a strategy that gives its entries a stop and accepts a sizing (not sma-cross, which trades a
     * fixed quantity: the stored configuration's validator, and startup, refuse the combination). {@code max-quantity} caps an entry (0: no cap).
     * {@code twap-above}: an entry larger than this many units is sent as {@code twap-slices} market orders on
     * consecutive bars (0: never sliced).
     */
    public record Sizing(@DefaultValue("FIXED") io.tradepilot.engine.strategy.SizingRule.Mode mode,
                         @DefaultValue("0.005") BigDecimal riskFraction, @DefaultValue("14") int atrPeriod,
                         @DefaultValue("2") BigDecimal atrMultiple, BigDecimal winRate, BigDecimal averageWin, BigDecimal averageLoss,
                         @DefaultValue("0.02") BigDecimal kellyCap, @DefaultValue("0") BigDecimal maxQuantity,
                         @DefaultValue("0") BigDecimal twapAbove, @DefaultValue("5") int twapSlices) {
        public static final Sizing FIXED = new Sizing(io.tradepilot.engine.strategy.SizingRule.Mode.FIXED, new BigDecimal("0.005"), 14,
                new BigDecimal("2"), null, null, null, new BigDecimal("0.02"), BigDecimal.ZERO, BigDecimal.ZERO, 5);

        public Sizing {
            if (twapSlices < 2) throw new IllegalArgumentException("sizing.twap-slices must be at least 2: " + twapSlices);
        }

        /** The settings of {@code rule} (its quantity is the strategy's) with the given TWAP slicing (null: never sliced). */
        public static Sizing of(io.tradepilot.engine.strategy.SizingRule rule, BigDecimal twapAbove, int twapSlices) {
            return new Sizing(rule.mode(), rule.riskFraction(), rule.atrPeriod(), rule.atrMultiple(), rule.winRate(), rule.averageWin(),
                    rule.averageLoss(), rule.kellyCap(), rule.maxQuantity(), twapAbove == null ? BigDecimal.ZERO : twapAbove, twapSlices);
        }

        /** The engine's rule, {@code quantity} being the strategy's fixed quantity; refuses an incomplete mode. */
        public io.tradepilot.engine.strategy.SizingRule rule(BigDecimal quantity) {
            return new io.tradepilot.engine.strategy.SizingRule(mode, quantity, riskFraction, atrPeriod, atrMultiple, winRate, averageWin,
                    averageLoss, kellyCap, maxQuantity);
        }
    }

    /** What happens when an automatic loss trigger fires. */
    public enum LimitAction { TRIP_CIRCUIT_BREAKER, ENGAGE_KILL_SWITCH }

    /**
     * Automatic loss triggers (fractions; null or 0 turns one off; ALPHA-PRIME: 1.8 % daily loss, 3.5 %
     * drawdown) and the pre-trade risk limits every new order passes after the trading state, in the seed
     * platform's order: blacklist, fat finger, quantity per symbol, percent of equity per symbol, total
     * exposure. A limit that is null or not positive is off. The defaults suit an INR 1,000,000 paper
     * account trading the synthetic symbols (start price 1,000) 100 shares at a time.
     *
     * @param dailyLoss                 fraction of the day's starting equity
     * @param drawdown                  fraction below peak equity
     * @param action                    what a trigger does to the controls
     * @param sizeReduction             entry size reduction after losing round trips in a row
     * @param consecutiveLosses         losing round trips in a row that trip the engine (ALPHA-PRIME: 5; 0: off)
     * @param pauseEntriesAt            the part of the daily loss limit at which entries stop for the rest of
     *                                  the day, without a trip (ALPHA-PRIME: 0.5; 0: off)
     * @param maxQuantityPerSymbol      largest absolute position in one symbol, in units
     * @param maxPercentOfEquityPerSymbol largest position value in one symbol as a fraction of equity
     * @param fatFingerQuantity         largest single order, in units (exits included)
     * @param fatFingerNotional         largest single order value, account currency (exits included)
     * @param maxTotalExposure          largest gross exposure after an order, account currency
     * @param blacklist                 symbols in which entries are refused (exits stay possible)
     * @param maxOpenPositions          positions open at once; an entry in a new symbol beyond it is refused
     *                                  (MAX_OPEN_POSITIONS; ALPHA-PRIME: 3; 0: off)
     * @param portfolioHeat             largest portfolio heat after an entry, as a fraction of equity
     *                                  (PORTFOLIO_HEAT): the money lost if every position hit its stop, a
     *                                  position or entry without a stop counting its whole value (AITRAPP: 0.02
     *                                  for strategies with stops; 0: off)
     * @param correlationGroups         correlation groups (sectors), each a name and its symbols; a symbol in one group at most
     * @param maxPositionsPerGroup      open positions allowed in one correlation group (MAX_CORRELATED_POSITIONS;
     *                                  ALPHA-PRIME: 1); only checked when groups are configured
     * @param tradingHours              entry and exit hours and blackouts (OUTSIDE_TRADING_WINDOW)
     * @param buyingPower               the cash or margin check on entries (INSUFFICIENT_BUYING_POWER)
     */
    public record Limits(BigDecimal dailyLoss, BigDecimal drawdown, LimitAction action, SizeReduction sizeReduction,
                         int consecutiveLosses, BigDecimal pauseEntriesAt, BigDecimal maxQuantityPerSymbol, BigDecimal maxPercentOfEquityPerSymbol,
                         BigDecimal fatFingerQuantity, BigDecimal fatFingerNotional, BigDecimal maxTotalExposure,
                         List<String> blacklist, int maxOpenPositions, BigDecimal portfolioHeat,
                         Map<String, List<String>> correlationGroups, int maxPositionsPerGroup,
                         TradingHours tradingHours, BuyingPowerSettings buyingPower) {

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Limits(@DefaultValue("0.018") BigDecimal dailyLoss, @DefaultValue("0.035") BigDecimal drawdown,
                      @DefaultValue("TRIP_CIRCUIT_BREAKER") LimitAction action,
                      @DefaultValue SizeReduction sizeReduction,
                      @DefaultValue("5") int consecutiveLosses,
                      @DefaultValue("0.5") BigDecimal pauseEntriesAt,
                      @DefaultValue("2500") BigDecimal maxQuantityPerSymbol,
                      @DefaultValue("0.25") BigDecimal maxPercentOfEquityPerSymbol,
                      @DefaultValue("2000") BigDecimal fatFingerQuantity,
                      @DefaultValue("300000") BigDecimal fatFingerNotional,
                      @DefaultValue("1000000") BigDecimal maxTotalExposure,
                      @DefaultValue List<String> blacklist,
                      @DefaultValue("3") int maxOpenPositions,
                      @DefaultValue("0.5") BigDecimal portfolioHeat,
                      @DefaultValue Map<String, List<String>> correlationGroups,
                      @DefaultValue("1") int maxPositionsPerGroup,
                      @DefaultValue TradingHours tradingHours,
                      @DefaultValue BuyingPowerSettings buyingPower) {
            this.dailyLoss = dailyLoss;
            this.drawdown = drawdown;
            this.action = action;
            this.sizeReduction = sizeReduction == null ? SizeReduction.OFF : sizeReduction;
            if (consecutiveLosses < 0) throw new IllegalArgumentException("consecutive-losses must be 0 (off) or more: " + consecutiveLosses);
            this.consecutiveLosses = consecutiveLosses;
            if (pauseEntriesAt != null && pauseEntriesAt.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("pause-entries-at must be below 1 (a part of the daily loss limit): " + pauseEntriesAt);
            }
            this.pauseEntriesAt = pauseEntriesAt;
            this.maxQuantityPerSymbol = maxQuantityPerSymbol;
            this.maxPercentOfEquityPerSymbol = maxPercentOfEquityPerSymbol;
            this.fatFingerQuantity = fatFingerQuantity;
            this.fatFingerNotional = fatFingerNotional;
            this.maxTotalExposure = maxTotalExposure;
            this.blacklist = blacklist == null ? List.of() : List.copyOf(blacklist);
            if (maxOpenPositions < 0) throw new IllegalArgumentException("max-open-positions must be 0 (off) or more: " + maxOpenPositions);
            this.maxOpenPositions = maxOpenPositions;
            this.portfolioHeat = portfolioHeat;
            this.correlationGroups = copyGroups(correlationGroups);
            if (maxPositionsPerGroup < 0) throw new IllegalArgumentException("max-positions-per-group must be at least 1 (0 or absent: 1): " + maxPositionsPerGroup);
            this.maxPositionsPerGroup = Math.max(1, maxPositionsPerGroup);
            this.tradingHours = tradingHours == null ? TradingHours.OFF : tradingHours;
            this.buyingPower = buyingPower == null ? BuyingPowerSettings.OFF : buyingPower;
        }

        /**
         * The limits before the live chain knew heat, open positions, correlation groups, trading hours and
         * buying power: those are all off (hosts built in code).
         */
        public Limits(BigDecimal dailyLoss, BigDecimal drawdown, LimitAction action, SizeReduction sizeReduction,
                      int consecutiveLosses, BigDecimal pauseEntriesAt, BigDecimal maxQuantityPerSymbol, BigDecimal maxPercentOfEquityPerSymbol,
                      BigDecimal fatFingerQuantity, BigDecimal fatFingerNotional, BigDecimal maxTotalExposure, List<String> blacklist) {
            this(dailyLoss, drawdown, action, sizeReduction, consecutiveLosses, pauseEntriesAt, maxQuantityPerSymbol,
                    maxPercentOfEquityPerSymbol, fatFingerQuantity, fatFingerNotional, maxTotalExposure, blacklist,
                    0, null, Map.of(), 1, TradingHours.OFF, BuyingPowerSettings.OFF);
        }

        /** Loss triggers and entry size reduction only, no consecutive-loss trip or pre-trade risk limits (hosts built in code). */
        public Limits(BigDecimal dailyLoss, BigDecimal drawdown, LimitAction action, SizeReduction sizeReduction) {
            this(dailyLoss, drawdown, action, sizeReduction, 0, null, null, null, null, null, null, List.of());
        }

        /** Loss triggers only: no size reduction, no pre-trade risk limits. */
        public Limits(BigDecimal dailyLoss, BigDecimal drawdown, LimitAction action) {
            this(dailyLoss, drawdown, action, SizeReduction.OFF);
        }

        /** As {@link #riskChain(java.util.Set)} with no intraday symbols: every entry paid in full. */
        public io.tradepilot.engine.risk.RiskChain riskChain() {
            return riskChain(java.util.Set.of());
        }

        /**
         * The configured pre-trade limits as the engine's risk chain (empty when all are off): the entry pause
         * at part of the daily loss limit, the trading hours, then the seed platform's order (blacklist, fat
         * finger, quantity and percent of equity per symbol, total exposure), then max open positions, the
         * correlation groups, portfolio heat and buying power. The trading state and the strategy switch are
         * checked by the engine before these.
         *
         * @param intradaySymbols the symbols of intraday (MIS) strategies: their entries need the margin at
         *                        {@code buying-power.mis-leverage}; every other symbol is delivery (CNC, paid in full)
         */
        public io.tradepilot.engine.risk.RiskChain riskChain(java.util.Set<String> intradaySymbols) {
            List<io.tradepilot.engine.risk.RiskCheck> checks = new java.util.ArrayList<>();
            if (on(dailyLoss) != null && on(pauseEntriesAt) != null) {
                checks.add(new io.tradepilot.engine.risk.DailyLossLimit(dailyLoss.multiply(pauseEntriesAt),
                        io.tradepilot.engine.risk.RejectionCode.DAILY_LOSS_ENTRIES_PAUSED));
            }
            if (tradingHours.enabled()) checks.add(tradingHours.window());
            if (!blacklist.isEmpty()) checks.add(new io.tradepilot.engine.risk.Blacklist(java.util.Set.copyOf(blacklist)));
            if (on(fatFingerQuantity) != null || on(fatFingerNotional) != null) {
                checks.add(new io.tradepilot.engine.risk.FatFinger(on(fatFingerQuantity), on(fatFingerNotional)));
            }
            if (on(maxQuantityPerSymbol) != null) checks.add(new io.tradepilot.engine.risk.MaxQuantityPerSymbol(maxQuantityPerSymbol));
            if (on(maxPercentOfEquityPerSymbol) != null) {
                checks.add(new io.tradepilot.engine.risk.MaxPercentOfEquityPerSymbol(maxPercentOfEquityPerSymbol));
            }
            if (on(maxTotalExposure) != null) checks.add(new io.tradepilot.engine.risk.MaxTotalExposure(maxTotalExposure));
            if (maxOpenPositions > 0) checks.add(new io.tradepilot.engine.risk.MaxOpenPositions(maxOpenPositions));
            if (!correlationGroups.isEmpty()) checks.add(correlatedPositions());
            if (on(portfolioHeat) != null) checks.add(new io.tradepilot.engine.risk.PortfolioHeat(portfolioHeat, false));
            if (buyingPower.enabled()) checks.add(buyingPower.check(intradaySymbols));
            return new io.tradepilot.engine.risk.RiskChain(checks);
        }

        /** The correlation-group limit: each configured symbol mapped to its group. */
        public io.tradepilot.engine.risk.CorrelatedPositions correlatedPositions() {
            Map<String, String> groupOf = new java.util.HashMap<>();
            correlationGroups.forEach((group, symbols) -> symbols.forEach(s -> groupOf.put(s, group)));
            return new io.tradepilot.engine.risk.CorrelatedPositions(groupOf, maxPositionsPerGroup);
        }

        private static Map<String, List<String>> copyGroups(Map<String, List<String>> groups) {
            if (groups == null) return Map.of();
            Map<String, String> seen = new java.util.HashMap<>();
            Map<String, List<String>> out = new java.util.TreeMap<>();
            groups.forEach((group, symbols) -> {
                for (String s : symbols) {
                    String other = seen.put(s, group);
                    if (other != null && !other.equals(group)) {
                        throw new IllegalArgumentException("correlation-groups: " + s + " is in both " + other + " and " + group);
                    }
                }
                out.put(group, List.copyOf(symbols));
            });
            return java.util.Collections.unmodifiableMap(out);
        }

        private static BigDecimal on(BigDecimal v) {
            return v == null || v.signum() <= 0 ? null : v;
        }
    }

    /**
     * When entries and exits may be placed ({@code tradepilot.trading.limits.trading-hours.*}), in the
     * exchange's zone: entries in [{@code entryFrom}, {@code entryUntil}), orders that only reduce a
     * position in [{@code entryFrom}, {@code exitUntil}), no entries inside a blackout [from, until).
     * NSE per AITRAPP: entries 09:15–15:20; exits run to the close (15:30) here so that the 15:25 square-off
     * and a strategy's exit on the last bar are never refused; ALPHA-PRIME's optional lunch blackout is
     * 12:00–13:00. The engine's clock is the market time of the bar being processed (live and backtest).
     *
     * @param enabled    false: no time rule
     * @param zone       the exchange's zone (America/New_York for a US replay, with its hours)
     * @param entryFrom  first time entries and exits are accepted
     * @param entryUntil entries are refused from this time on
     * @param exitUntil  orders that only reduce are refused from this time on
     * @param blackouts  windows without entries
     */
    public record TradingHours(@DefaultValue("true") boolean enabled, @DefaultValue("Asia/Kolkata") ZoneId zone,
                               @DefaultValue("09:15") LocalTime entryFrom, @DefaultValue("15:20") LocalTime entryUntil,
                               @DefaultValue("15:30") LocalTime exitUntil, @DefaultValue List<Blackout> blackouts) {
        public static final TradingHours OFF = new TradingHours(false, ZoneId.of("Asia/Kolkata"), LocalTime.of(9, 15),
                LocalTime.of(15, 20), LocalTime.of(15, 30), List.of());

        public TradingHours {
            blackouts = blackouts == null ? List.of() : List.copyOf(blackouts);
            if (!entryFrom.isBefore(entryUntil) || entryUntil.isAfter(exitUntil)) {
                throw new IllegalArgumentException("trading-hours: need entry-from < entry-until <= exit-until: "
                        + entryFrom + ", " + entryUntil + ", " + exitUntil);
            }
            for (Blackout b : blackouts) {
                if (!b.from().isBefore(b.until())) throw new IllegalArgumentException("trading-hours: blackout " + b.from() + "-" + b.until() + " is empty");
            }
        }

        /** The engine's check. */
        public io.tradepilot.engine.risk.TradingWindow window() {
            return new io.tradepilot.engine.risk.TradingWindow(zone, entryFrom, entryUntil, exitUntil,
                    blackouts.stream().map(b -> new io.tradepilot.engine.risk.TradingWindow.Blackout(b.from(), b.until())).toList());
        }

        /** A window without entries, e.g. {@code {from: "12:00", until: "13:00"}}. */
        public record Blackout(LocalTime from, LocalTime until) {
        }
    }

    /**
     * The buying-power check ({@code tradepilot.trading.limits.buying-power.*}, see
     * {@link io.tradepilot.engine.risk.BuyingPower}): delivery (CNC) entries need their full value in
     * available cash, intraday (MIS) entries their value divided by {@code misLeverage}.
     *
     * @param enabled     false: entries are not checked against cash
     * @param misLeverage the intraday strategies' leverage (Zerodha's MIS on equities: up to 5x), at least 1
     */
    public record BuyingPowerSettings(@DefaultValue("true") boolean enabled, @DefaultValue("5") BigDecimal misLeverage) {
        public static final BuyingPowerSettings OFF = new BuyingPowerSettings(false, BigDecimal.ONE);

        public BuyingPowerSettings {
            if (misLeverage == null || misLeverage.compareTo(BigDecimal.ONE) < 0) {
                throw new IllegalArgumentException("buying-power.mis-leverage must be at least 1: " + misLeverage);
            }
        }

        /** The engine's check: {@code intradaySymbols} at the MIS leverage, every other symbol paid in full. */
        public io.tradepilot.engine.risk.BuyingPower check(java.util.Set<String> intradaySymbols) {
            Map<String, BigDecimal> leverage = new java.util.HashMap<>();
            for (String s : intradaySymbols) leverage.put(s, misLeverage);
            return new io.tradepilot.engine.risk.BuyingPower(BigDecimal.ONE, leverage);
        }
    }

    /**
     * ALPHA-PRIME's size breaker ({@code tradepilot.trading.limits.size-reduction.*}): after
     * {@code afterLosses} losing round trips in a row the strategies' entry quantities are multiplied by
     * {@code factor} (rounded down to whole lots; an entry that rounds to zero is rejected with
     * SIZE_REDUCED_TO_ZERO) until {@code winsToRestore} winning round trips in a row. Exits are never reduced.
     *
     * @param afterLosses   losing round trips in a row (0: off)
     * @param factor        multiplier for entries while reduced, in (0, 1]
     * @param winsToRestore winning round trips in a row that restore full size
     */
    public record SizeReduction(@DefaultValue("3") int afterLosses, @DefaultValue("0.5") BigDecimal factor,
                                @DefaultValue("2") int winsToRestore) {
        public static final SizeReduction OFF = new SizeReduction(0, BigDecimal.ONE, 0);

        /** The engine's rule; refuses (IllegalArgumentException) an impossible combination. */
        public io.tradepilot.engine.risk.LossSizeReduction rule() {
            return new io.tradepilot.engine.risk.LossSizeReduction(afterLosses, factor == null ? BigDecimal.ONE : factor, winsToRestore);
        }
    }

    public enum Source { SYNTHETIC, CSV }

    /** Where a broker account's live bars come from. */
    public enum BarsFrom {
        /** Built by the host from the stream's trades or ticks ({@link TradeBars}) when the adapter streams them, else the broker's bars. */
        TRADES,
        /** The broker's own bars ({@code VenueSession.streamBars}). */
        BROKER
    }

    /**
     * How a broker account's live bars are made ({@code tradepilot.trading.session-bars.*}).
     *
     * @param from     {@code trades} (default: the host aggregates the stream's trades or ticks, where the adapter
     *                 streams them) or {@code broker} (the broker's bars)
     * @param interval the bar size the engine trades on broker data (also the warm-up history's), aligned to the session
     *                 open on the exchange's clock
     * @param grace    how long after a bar's end its late trades are still taken before the bar is handed on
     * @param exchange the calendar of the exchange ({@code NSE}, {@code NYSE}); blank: by the instruments' currency
     *                 (INR: NSE, USD: NYSE)
     */
    public record SessionBars(@DefaultValue("TRADES") BarsFrom from, @DefaultValue("5m") Duration interval,
                              @DefaultValue("2s") Duration grace, @DefaultValue("") String exchange) {

        /** Trades to 5-minute bars with a 2-second grace, on the instruments' exchange's calendar. */
        public static final SessionBars DEFAULT = new SessionBars(BarsFrom.TRADES, Duration.ofMinutes(5), Duration.ofSeconds(2), "");

        public SessionBars {
            if (from == null) from = BarsFrom.TRADES;
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("tradepilot.trading.session-bars.interval must be positive");
            }
            if (grace == null || grace.isNegative()) throw new IllegalArgumentException("tradepilot.trading.session-bars.grace must not be negative");
            if (exchange == null) exchange = "";
        }
    }

    /**
     * Market data.
     *
     * @param source           {@code synthetic} (seeded, default) or {@code csv} (replay of a folder)
     * @param speed            replay speed: market time per wall time (60: a 5-minute bar every 5 s);
     *                         0 or less: as fast as the engine and the ledger allow
     * @param maxGap           the longest market-time gap paced as such (longer gaps, e.g. nights, are shortened to it)
     * @param staleAfter       no bar for longer than this (wall clock) trips the circuit breaker with DATA_STALE
     * @param outlierThreshold a close further than this fraction from the symbol's last accepted close is
     *                         dropped and logged (0 turns the check off)
     * @param synthetic        the synthetic market's shape
     * @param csv              the replay's folder
     */
    public record MarketData(@DefaultValue("SYNTHETIC") Source source, @DefaultValue("60") double speed,
                             @DefaultValue("5m") Duration maxGap, @DefaultValue("60s") Duration staleAfter,
                             @DefaultValue("0.2") BigDecimal outlierThreshold,
                             @DefaultValue Synthetic synthetic, @DefaultValue Csv csv) {
    }

    /**
     * The seeded synthetic market: 5-minute NSE-like bars from {@code firstDay}, Monday to Friday.
     *
     * @param seed        base seed (each symbol gets its own, derived from it and the symbol)
     * @param firstDay    first session
     * @param tradingDays sessions to generate
     */
    public record Synthetic(@DefaultValue("20260101") long seed, @DefaultValue("2025-01-06") LocalDate firstDay,
                            @DefaultValue("250") int tradingDays) {
    }

    /**
     * CSV replay: every {@code <SYMBOL>.csv} in {@code folder} (format of the engine's CsvBarReader), merged in time order.
     *
     * @param exchange NSE (tick 0.05) or a US exchange (tick 0.01) for the instruments
     */
    public record Csv(Path folder, @DefaultValue("NSE") String exchange) {
    }
}
