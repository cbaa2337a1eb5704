package io.tradepilot.backtests.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.backtests.BacktestData;
import io.tradepilot.backtests.BacktestMode;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.CorrelationGroups;
import io.tradepilot.backtests.BacktestRequest;
import io.tradepilot.backtests.BacktestRun;
import io.tradepilot.backtests.Backtests;
import io.tradepilot.backtests.FeeModel;
import io.tradepilot.backtests.FillModel;
import io.tradepilot.backtests.RunResult;
import io.tradepilot.backtests.RunState;
import io.tradepilot.backtests.SlippageModel;
import io.tradepilot.base.problem.Refusal;
import io.tradepilot.engine.cli.StrategyParameters;
import io.tradepilot.engine.cli.UsageException;
import io.tradepilot.engine.strategy.config.StrategyConfigLoader;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.PlainText;
import io.tradepilot.security.Roles;
import io.tradepilot.security.UserAudit;
import io.tradepilot.strategies.ConfigVersion;
import io.tradepilot.strategies.ConfigRefusal;
import io.tradepilot.strategies.StrategyConfigs;
import io.tradepilot.strategies.Universe;
import io.tradepilot.strategies.Universes;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@link Backtests}: reads for every signed-in role; submit and cancel for operators and admins, validated field by
 * field, audited before they take effect and completed with SUCCESS or FAILED (the refusal).
 */
class DefaultBacktests implements Backtests {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._&-]{0,39}");
    private static final BigDecimal MAX_CASH = new BigDecimal("1000000000000");
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("10000000");
    private static final int MAX_SYMBOLS = 50;
    private static final int MAX_DOCUMENT = 65_536;
    private static final int MAX_POSITIONS = 1_000;
    private static final BigDecimal MAX_HEAT_CAP = BigDecimal.valueOf(100);
    /** The command line's {@code --mis-leverage} range: 1 (paid in full) to 100. */
    private static final BigDecimal MAX_MIS_LEVERAGE = BigDecimal.valueOf(100);

    private final JooqBacktestStore store;
    private final BacktestQueue queue;
    private final BacktestData data;
    private final StrategyConfigs configs;
    private final Universes universes;
    private final UserAudit audit;
    private final Clock clock;
    private final Map<BacktestMode, String> runners;

    /** {@code runners}: the runner name stored with a run of each mode. */
    DefaultBacktests(JooqBacktestStore store, BacktestQueue queue, BacktestData data, StrategyConfigs configs, Universes universes,
                     AuditLog audit, Clock clock, Map<BacktestMode, String> runners) {
        this.store = store;
        this.queue = queue;
        this.data = data;
        this.configs = configs;
        this.universes = universes;
        this.audit = new UserAudit(audit);
        this.clock = clock;
        this.runners = Map.copyOf(runners);
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = BacktestsDeniedHandler.class)
    public BacktestRun submit(BacktestRequest request) {
        return audited("BACKTEST_SUBMITTED", "backtests", describe(request), () -> {
            JooqBacktestStore.NewRun valid = validate(request);
            long id = store.insert(valid);
            queue.enqueue(id);
            return store.run(id).orElseThrow();
        });
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<BacktestRun> runs(int limit) {
        return store.latest(Math.max(1, Math.min(500, limit)));
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public BacktestRun run(long id) {
        return store.run(id).orElseThrow(() -> BacktestRefusal.unknownRun(id));
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = BacktestsDeniedHandler.class)
    public BacktestRun cancel(long id) {
        return audited("BACKTEST_CANCELLED", "backtest:" + id, null, () -> {
            BacktestRun run = store.run(id).orElseThrow(() -> BacktestRefusal.unknownRun(id));
            if (run.state().terminal() || !store.requestCancel(id)) {
                throw new BacktestRefusal(409, "NOT_CANCELLABLE", "id", "Backtest run " + id + " is " + store.run(id).orElseThrow().state() + ".");
            }
            // a queued run ends here; a running one at its worker's next check
            store.finish(id, RunState.QUEUED, RunState.CANCELLED, null, clock.instant());
            return store.run(id).orElseThrow();
        });
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public RunResult result(long id) {
        BacktestRun run = done(id);
        var equity = store.equity(id);
        var symbols = store.symbols(id);
        Map<String, Map<YearMonth, Double>> monthly = new LinkedHashMap<>();
        for (var s : symbols) monthly.put(s.symbol(), monthly(equity.getOrDefault(s.symbol(), List.of()), s.initialCash()));
        return new RunResult(run, symbols, equity, monthly, store.trades(id), store.portfolio(id));
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public String reportHtml(long id) {
        done(id);
        return store.reportHtml(id);
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<BacktestData.SeriesInfo> series() {
        return data.series();
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<Universe> universes() {
        return universes.universes();
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<StoredConfiguration> configurations() {
        List<StoredConfiguration> out = new ArrayList<>();
        for (ConfigVersion latest : configs.strategies()) {
            List<ConfigVersion> history = configs.history(latest.key());
            for (ConfigVersion v : history.subList(Math.max(0, history.size() - 5), history.size())) {
                var parsed = StrategyConfigLoader.parse(v.document());
                out.add(new StoredConfiguration(v.key(), v.version(), parsed.ok() ? parsed.config().type() : "?",
                        parsed.ok() ? parsed.config().symbols() : List.of(), v.document(), parsed.ok() ? parsed.config().universe() : null));
            }
        }
        return out;
    }

    private BacktestRun done(long id) {
        BacktestRun run = run(id);
        if (run.state() != RunState.DONE) throw new BacktestRefusal(409, "NOT_DONE", "id", "Backtest run " + id + " is " + run.state() + ".");
        return run;
    }

    /** Month-end equity over the previous month-end's (the first month's over the initial cash), minus one. */
    static Map<YearMonth, Double> monthly(List<RunResult.Point> equity, BigDecimal initialCash) {
        Map<YearMonth, Double> out = new TreeMap<>();
        Map<YearMonth, BigDecimal> ends = new TreeMap<>();
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        for (RunResult.Point p : equity) ends.put(YearMonth.from(p.time().atZone(zone)), p.equity());
        double previous = initialCash.doubleValue();
        for (var e : ends.entrySet()) {
            double end = e.getValue().doubleValue();
            out.put(e.getKey(), previous == 0 ? Double.NaN : end / previous - 1);
            previous = end;
        }
        return out;
    }

    /**
     * Audits {@code change} before it takes effect (503 {@code AUDIT_UNAVAILABLE} when that record cannot be written)
     * and completes the record SUCCESS, or FAILED with the refusal; also for {@link DefaultSweeps}.
     */
    <T> T audited(String action, String target, String detail, Supplier<T> change) {
        AuditLog.Pending record = audit.begin(action, target, detail,
                () -> new BacktestRefusal(503, "AUDIT_UNAVAILABLE", null, "Nothing was done: the audit record cannot be written."));
        try {
            T result = change.get();
            String done = result instanceof BacktestRun r ? "run " + r.id() : result instanceof io.tradepilot.backtests.SweepInfo s ? "sweep " + s.id() : null;
            record.complete(AuditOutcome.SUCCESS, done == null ? detail : done + (detail == null ? "" : "; " + detail));
            return result;
        } catch (BacktestRefusal refusal) {
            record.complete(AuditOutcome.FAILED, refusal.code() + ": " + refusal.getMessage());
            throw refusal;
        } catch (RuntimeException e) {
            record.complete(AuditOutcome.FAILED, "error: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    /** The request checked field by field; the configuration resolved to the exact document the run will use. */
    JooqBacktestStore.NewRun validate(BacktestRequest r) {
        if (r == null) throw BacktestRefusal.badParameter(null, "The request is missing.");
        String label = r.label() == null ? "" : r.label().strip();
        if (label.length() > 120) throw BacktestRefusal.badParameter("label", "The label must be at most 120 characters.");
        PlainText.singleLine("label", label).ifPresent(v -> {
            throw BacktestRefusal.badParameter("label", v.message());
        });
        boolean stored = r.configKey() != null && !r.configKey().isBlank();
        boolean draft = r.draft() != null && !r.draft().isBlank();
        if (stored == draft) {
            throw BacktestRefusal.badParameter("configuration", "Choose a stored configuration version or give a draft document (one of them).");
        }
        String document;
        String key = null;
        Integer version = null;
        if (stored) {
            key = r.configKey().strip();
            if (r.configVersion() == null || r.configVersion() < 1) throw BacktestRefusal.badParameter("configVersion", "Choose a version (1 or more).");
            version = r.configVersion();
            try {
                document = configs.version(key, version).document();
            } catch (Refusal unknown) {
                throw BacktestRefusal.badParameter("configVersion", "No stored configuration " + clip(key) + " version " + version + ".");
            }
        } else {
            document = r.draft();
            if (document.length() > MAX_DOCUMENT) throw BacktestRefusal.badParameter("draft", "The document must be at most 65,536 characters.");
        }
        StrategyParameters.Resolved strategy;
        try {
            strategy = StrategyParameters.fromConfigText("configuration", document);
        } catch (UsageException e) {
            throw BacktestRefusal.badParameter(stored ? "configVersion" : "draft", e.getMessage());
        }
        String universe = r.universe() == null || r.universe().isBlank() ? null : r.universe().strip();
        List<String> requested = r.symbols();
        if (universe != null) {
            if (r.symbols() != null && !r.symbols().isEmpty()) throw BacktestRefusal.badParameter("universe", "Choose symbols or a universe, not both.");
            requested = universeSymbols(universe);
        }
        if (requested == null || requested.isEmpty()) throw BacktestRefusal.badParameter("symbols", "Choose at least one symbol.");
        Set<String> symbols = new LinkedHashSet<>();
        for (String s : requested) {
            String symbol = s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
            if (!SYMBOL.matcher(symbol).matches()) throw BacktestRefusal.badParameter("symbols", "Symbols are 1-40 of A-Z, 0-9, . _ & -.");
            symbols.add(symbol);
        }
        if (symbols.size() > MAX_SYMBOLS) {
            throw BacktestRefusal.badParameter(universe == null ? "symbols" : "universe", "At most " + MAX_SYMBOLS + " symbols"
                    + (universe == null ? "." : ": universe " + clip(universe) + " has " + symbols.size() + "."));
        }
        if (r.from() == null) throw BacktestRefusal.badParameter("from", "Give the first day.");
        if (r.to() == null) throw BacktestRefusal.badParameter("to", "Give the last day.");
        if (r.to().isBefore(r.from())) throw BacktestRefusal.badParameter("to", "The last day must not be before the first.");
        Map<String, BacktestData.SeriesInfo> known = new LinkedHashMap<>();
        data.series().forEach(s -> known.put(s.symbol(), s));
        if (universe != null) {
            // every symbol of the universe is reported, none dropped: the run would not be the universe otherwise
            List<String> missing = withoutData(symbols, known, r.from(), r.to());
            if (!missing.isEmpty()) {
                throw new BacktestRefusal(422, "NO_DATA", "universe", "Universe " + clip(universe) + ": no stored data from " + r.from()
                        + " to " + r.to() + " for " + String.join(", ", missing) + " (" + missing.size() + " of " + symbols.size()
                        + "). Import them on the Data page, or choose the symbols that have data.");
            }
        }
        for (String symbol : symbols) {
            BacktestData.SeriesInfo info = known.get(symbol);
            if (info == null) throw new BacktestRefusal(422, "UNKNOWN_SYMBOL", "symbols", "No data for " + symbol + ".");
            if (!covers(info, r.from(), r.to())) {
                throw new BacktestRefusal(422, "NO_DATA", "from", symbol + " has bars from " + day(info.first()) + " to " + day(info.last()) + " only.");
            }
        }
        if (r.cash() == null || r.cash().signum() <= 0 || r.cash().compareTo(MAX_CASH) > 0) {
            throw BacktestRefusal.badParameter("cash", "The cash must be above 0 and at most 1,000,000,000,000.");
        }
        BigDecimal quantity = r.quantity();
        if (strategy.riskPerTradePercent() != null) {
            if (quantity != null) {
                throw BacktestRefusal.badParameter("quantity", "The configuration sizes entries by risk_per_trade ("
                        + strategy.riskPerTradePercent().toPlainString() + " % of equity): leave the quantity empty.");
            }
        } else if (quantity == null || quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0 || quantity.compareTo(MAX_QUANTITY) > 0) {
            throw BacktestRefusal.badParameter("quantity", "The quantity must be a whole number of units from 1 to 10,000,000.");
        }
        FillModel fill = r.fill() == null ? FillModel.NEXT_OPEN : r.fill();
        FeeModel fee = r.fee() == null ? FeeModel.NONE : r.fee();
        BigDecimal feeValue = null;
        if (fee == FeeModel.PERCENT) {
            feeValue = r.feeValue();
            if (feeValue == null || feeValue.signum() < 0 || feeValue.compareTo(BigDecimal.valueOf(100)) >= 0) {
                throw BacktestRefusal.badParameter("feeValue", "The fee percent must be from 0 to below 100.");
            }
        }
        SlippageModel slippage = r.slippage() == null ? SlippageModel.NONE : r.slippage();
        BigDecimal slippageValue = null;
        if (slippage == SlippageModel.BPS) {
            slippageValue = r.slippageValue();
            if (slippageValue == null || slippageValue.signum() < 0 || slippageValue.compareTo(BigDecimal.valueOf(1000)) > 0) {
                throw BacktestRefusal.badParameter("slippageValue", "The slippage must be from 0 to 1,000 basis points.");
            }
        } else if (slippage == SlippageModel.TICKS) {
            slippageValue = r.slippageValue();
            if (slippageValue == null || slippageValue.signum() < 0 || slippageValue.stripTrailingZeros().scale() > 0
                    || slippageValue.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw BacktestRefusal.badParameter("slippageValue", "The slippage must be a whole number of ticks from 0 to 100.");
            }
        }
        BacktestMode mode = r.mode() == null ? BacktestMode.INDEPENDENT : r.mode();
        Integer maxPositions = null;
        BigDecimal heatCap = null;
        boolean buyingPower = false;
        BigDecimal misLeverage = null;
        Map<String, List<String>> groups = Map.of();
        Integer perGroup = null;
        if (mode == BacktestMode.PORTFOLIO) {
            if (Boolean.TRUE.equals(r.cashOnly())) {
                throw BacktestRefusal.badParameter("cashOnly", "A portfolio checks the cash with buying power: leave cash only off.");
            }
            maxPositions = r.maxPositions() == null ? 0 : r.maxPositions();
            if (maxPositions < 0 || maxPositions > MAX_POSITIONS) {
                throw BacktestRefusal.badParameter("maxPositions", "Max positions must be from 0 (no limit) to " + MAX_POSITIONS + ".");
            }
            heatCap = r.heatCap();
            if (heatCap != null && (heatCap.signum() <= 0 || heatCap.compareTo(MAX_HEAT_CAP) > 0)) {
                throw BacktestRefusal.badParameter("heatCap", "The heat cap must be a fraction of equity above 0 and at most 100 (empty: off).");
            }
            buyingPower = r.buyingPower() == null || r.buyingPower();
            misLeverage = r.misLeverage();
            if (misLeverage != null) {
                if (misLeverage.compareTo(BigDecimal.ONE) < 0 || misLeverage.compareTo(MAX_MIS_LEVERAGE) > 0) {
                    throw BacktestRefusal.badParameter("misLeverage", "The MIS leverage must be from 1 to 100 (empty: delivery, paid in full).");
                }
                if (!buyingPower) {
                    throw BacktestRefusal.badParameter("misLeverage", "The MIS leverage sets the margin of the buying-power check: turn buying power on or leave it empty.");
                }
            }
            groups = correlationGroups(r.correlationGroups(), symbols);
            if (r.maxPositionsPerGroup() != null) {
                if (groups.isEmpty()) throw BacktestRefusal.badParameter("maxPositionsPerGroup", "Max positions per group needs at least one correlation group.");
                if (r.maxPositionsPerGroup() < 1 || r.maxPositionsPerGroup() > MAX_POSITIONS) {
                    throw BacktestRefusal.badParameter("maxPositionsPerGroup", "Max positions per group must be from 1 to " + MAX_POSITIONS + ".");
                }
            }
            if (!groups.isEmpty()) perGroup = r.maxPositionsPerGroup() == null ? 1 : r.maxPositionsPerGroup();
        } else {
            if (r.maxPositions() != null) throw BacktestRefusal.badParameter("maxPositions", "Max positions apply to a portfolio run only.");
            if (r.heatCap() != null) throw BacktestRefusal.badParameter("heatCap", "A heat cap applies to a portfolio run only.");
            if (r.buyingPower() != null) throw BacktestRefusal.badParameter("buyingPower", "Buying power applies to a portfolio run only (use cash only).");
            if (r.misLeverage() != null) throw BacktestRefusal.badParameter("misLeverage", "The MIS leverage applies to a portfolio run only.");
            if (r.correlationGroups() != null && !r.correlationGroups().isEmpty()) {
                throw BacktestRefusal.badParameter("correlationGroups", "Correlation groups apply to a portfolio run only.");
            }
            if (r.maxPositionsPerGroup() != null) throw BacktestRefusal.badParameter("maxPositionsPerGroup", "Max positions per group apply to a portfolio run only.");
        }
        String name = label.isEmpty() ? strategy.strategy() + (stored ? " " + key + " v" + version : " draft") + " · "
                + (universe == null ? String.join(",", symbols) : universe) : label;
        if (name.length() > 120) name = name.substring(0, 117) + "...";
        return new JooqBacktestStore.NewRun(CurrentUser.username(), clock.instant(), name, stored ? "STORED" : "DRAFT", key, version,
                strategy.strategy(), document, List.copyOf(symbols), r.from(), r.to(), r.cash(), quantity, fill, fee, feeValue, slippage,
                slippageValue, Boolean.TRUE.equals(r.closeAtEnd()), Boolean.TRUE.equals(r.cashOnly()), runners.get(mode), mode, maxPositions, heatCap,
                buyingPower, misLeverage, groups, perGroup, universe);
    }

    /** The symbols of universe {@code name} now; refuses (on {@code universe}) an unknown one. */
    private List<String> universeSymbols(String name) {
        try {
            return universes.universe(name).symbols();
        } catch (ConfigRefusal unknown) {
            throw BacktestRefusal.badParameter("universe", "No universe named " + clip(name) + ".");
        }
    }

    /**
     * The symbols of {@code symbols} without a stored series, or whose bars do not reach into {@code [from, to]}, in
     * their order (the same test as a single symbol's {@code NO_DATA}).
     */
    static List<String> withoutData(Collection<String> symbols, Map<String, BacktestData.SeriesInfo> known, LocalDate from, LocalDate to) {
        List<String> out = new ArrayList<>();
        for (String symbol : symbols) {
            BacktestData.SeriesInfo info = known.get(symbol);
            if (info == null || !covers(info, from, to)) out.add(symbol);
        }
        return out;
    }

    private static boolean covers(BacktestData.SeriesInfo info, LocalDate from, LocalDate to) {
        return info.bars() > 0 && !info.last().atZone(ZoneId.of("UTC")).toLocalDate().isBefore(from.minusDays(1))
                && !info.first().atZone(ZoneId.of("UTC")).toLocalDate().isAfter(to.plusDays(1));
    }

    /** A portfolio's correlation groups: names as {@link CorrelationGroups#parse} takes them, symbols of the run, each in one group at most. */
    private static Map<String, List<String>> correlationGroups(Map<String, List<String>> requested, Collection<String> symbols) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (requested == null || requested.isEmpty()) return groups;
        Map<String, String> groupOf = new HashMap<>();
        for (var e : requested.entrySet()) {
            String name = CorrelationGroups.checkName(e.getKey());
            if (groups.containsKey(name)) throw BacktestRefusal.badParameter(CorrelationGroups.FIELD, "The group " + name + " is given twice.");
            if (e.getValue() == null || e.getValue().isEmpty()) throw BacktestRefusal.badParameter(CorrelationGroups.FIELD, "The group " + clip(name) + " has no symbols.");
            List<String> members = new ArrayList<>();
            for (String raw : e.getValue()) {
                String symbol = raw == null ? "" : raw.strip();
                if (!symbols.contains(symbol)) {
                    throw BacktestRefusal.badParameter(CorrelationGroups.FIELD, "The group " + clip(name) + " names " + clip(symbol) + ", not a symbol of this run.");
                }
                String other = groupOf.put(symbol, name);
                if (other != null) {
                    throw BacktestRefusal.badParameter(CorrelationGroups.FIELD, symbol + (other.equals(name) ? " is twice in " + clip(name) : " is in both " + clip(other) + " and " + clip(name)) + ".");
                }
                members.add(symbol);
            }
            groups.put(name, List.copyOf(members));
        }
        if (groups.size() > MAX_SYMBOLS) throw BacktestRefusal.badParameter(CorrelationGroups.FIELD, "At most " + MAX_SYMBOLS + " groups.");
        return groups;
    }

    private static String day(java.time.Instant t) {
        return t == null ? "-" : LocalDate.ofInstant(t, ZoneId.of("Asia/Kolkata")).toString();
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static String describe(BacktestRequest r) {
        if (r == null) return null;
        return "config " + (r.configKey() != null ? r.configKey() + " v" + r.configVersion() : "draft") + "; symbols " + r.symbols() + "; "
                + r.from() + ".." + r.to() + "; cash " + r.cash() + "; quantity " + r.quantity() + "; fill " + r.fill() + "; fee " + r.fee()
                + " " + r.feeValue() + "; slippage " + r.slippage() + " " + r.slippageValue()
                + (r.mode() == BacktestMode.PORTFOLIO ? "; portfolio max positions " + r.maxPositions() + " heat cap " + r.heatCap()
                + " buying power " + r.buyingPower() + " mis leverage " + r.misLeverage() + " groups " + r.correlationGroups()
                + " max per group " + r.maxPositionsPerGroup() : "");
    }
}
