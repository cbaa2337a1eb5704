package io.tradepilot.engine.cli;

import io.tradepilot.engine.strategy.Strategies;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code backtest --data FILE.csv (--strategy NAME [--param k=v ...] | --config FILE) [--quantity N] --cash AMOUNT
 * [--commission-pct PCT] [--fill next-open|close] [--close-at-end] [--cash-only] --out DIR [--zone ZONE] [--skip-inconsistent]
 * [--price-decimals N] [--portfolio [--max-positions N] [--heat-cap FRACTION] [--no-buying-power] [--mis-leverage X]
 * [--group NAME=SYM,SYM ...] [--max-per-group N]]}.
 *
 * <p>{@code --portfolio} (with a folder only) runs every symbol in one account on one engine
 * ({@link io.tradepilot.engine.backtest.PortfolioBacktest}) under the live risk chain's account limits, buying
 * power on unless {@code --no-buying-power}; the portfolio options are refused without it.
 *
 * <p>Validates every option before anything runs (unknown strategy or parameter, {@code slow <= fast},
 * a quantity that is not a whole number of units within {@link #QUANTITY}, cash or commission outside
 * {@link #CASH}/{@link #COMMISSION_PCT}, a bad fill mode, a missing data file: exit 2), then hands the
 * {@link BacktestRequest} to the {@link BacktestExecutor} given at construction. {@code --quantity} is
 * required for a fixed-size strategy and refused for a configuration that sizes by {@code risk_per_trade}
 * or by a strategy that sizes itself (3wi) — one sizing rule, never two.
 */
public final class BacktestCommand implements Command {

    /**
     * {@code --quantity}: whole units. The command line trades cash equities (lot size 1, see
     * {@link EngineBacktestExecutor#instrumentOf}), where a fractional quantity is never a legal order; the
     * bound keeps every position and notional far inside the engine's scaled-long arithmetic.
     */
    static final NumberRange QUANTITY = NumberRange.wholeNumber(1, 1_000_000_000);
    /** {@code --cash} (and the scanner's {@code --capital}): money in a currency with two minor digits (INR, USD). */
    static final NumberRange CASH = NumberRange.positive("1000000000000000", 2);
    /** {@code --commission-pct}: a percent of notional, at least 0 and below 100. */
    static final NumberRange COMMISSION_PCT = new NumberRange(BigDecimal.ZERO, true, BigDecimal.valueOf(100), false, 6);

    private final BacktestExecutor executor;

    /** @param executor runs the validated request (the engine's: {@link EngineBacktestExecutor}); null when absent */
    public BacktestCommand(BacktestExecutor executor) {
        this.executor = executor;
    }

    @Override
    public String name() {
        return "backtest";
    }

    @Override
    public String summary() {
        return "run a strategy over a bar file; writes trades.csv, equity.csv, metrics.json";
    }

    @Override
    public List<Option> options() {
        List<Option> options = new java.util.ArrayList<>(List.of(
                Option.required("data", "FILE.csv|DIR", "bar file date,open,high,low,close,volume, or a folder of them (independent single-symbol runs, not a portfolio)"),
                Option.optional("strategy", "NAME", "strategy: " + String.join(", ", StrategyParameters.NAMES)),
                Option.optional("config", "FILE", "strategy configuration (YAML or JSON) in place of --strategy/--param"),
                Option.repeatable("param", "k=v", "strategy parameter, e.g. fast=10 (repeatable)"),
                Option.optional("quantity", "N", "fixed order quantity (not with a configuration that sizes by risk_per_trade)"),
                Option.required("cash", "AMOUNT", "starting cash"),
                Option.optional("commission-pct", "PCT", "commission, percent of notional per fill (default 0)"),
                Option.optional("fill", "next-open|close", "market order fill timing (default next-open)"),
                Option.flag("close-at-end", "close an open position at the last bar"),
                Option.flag("cash-only", "refuse an entry the cash cannot pay for (INSUFFICIENT_BUYING_POWER); default: cash may go negative"),
                Option.required("out", "DIR", "output directory"),
                Option.flag("portfolio", "with a folder: one account over all symbols (shared cash, live risk chain, one engine), not independent runs"),
                Option.optional("max-positions", "N", "portfolio: positions open at once, entries not yet filled included (default 0: no limit)"),
                Option.optional("heat-cap", "FRACTION", "portfolio: largest portfolio heat as a fraction of equity, e.g. 0.5 (default: off)"),
                Option.flag("no-buying-power", "portfolio: let cash go negative (default: an entry the cash or margin cannot pay for is refused)"),
                Option.optional("mis-leverage", "X", "portfolio: trade every symbol intraday (MIS) with this margin leverage (default: delivery, paid in full)"),
                Option.repeatable("group", "NAME=SYM,SYM", "portfolio: a correlation group (repeatable)"),
                Option.optional("max-per-group", "N", "portfolio: open positions per correlation group (default 1)")));
        options.addAll(DataOptions.options());
        return List.copyOf(options);
    }

    /** Validates the options into a request (exposed for tests and for other front ends). */
    public BacktestRequest request(ParsedArgs args) throws UsageException {
        StrategyParameters.Resolved strategy = strategy(args);
        BigDecimal quantity = quantity(args, strategy);
        BigDecimal cash = args.number("cash", null, CASH);
        BigDecimal commission = args.number("commission-pct", "0", COMMISSION_PCT);
        BacktestRequest.Fill fill = fill(args);
        Path data = args.path("data");
        if (!Files.isDirectory(data)) data = IndicatorsCommand.existingFile(data); // a folder: one run per SYMBOL.csv
        Path out = outDir(args);
        io.tradepilot.engine.backtest.PortfolioLimits portfolio = portfolio(args, data);
        return new BacktestRequest(data, IndicatorsCommand.zone(args), DataOptions.readOptions(args), strategy, quantity, cash,
                commission, fill, args.has("close-at-end"), args.has("cash-only"), out, portfolio);
    }

    /** {@code --fill next-open|close} (default next-open). */
    static BacktestRequest.Fill fill(ParsedArgs args) throws UsageException {
        String fillText = args.value("fill").orElse("next-open");
        return switch (fillText.toLowerCase(Locale.ROOT)) {
            case "next-open" -> BacktestRequest.Fill.NEXT_OPEN;
            case "close" -> BacktestRequest.Fill.CLOSE;
            default -> throw new UsageException("--fill must be next-open or close: '" + fillText + "'");
        };
    }

    /** {@code --out DIR}: refuses an existing non-directory or a missing parent. */
    static Path outDir(ParsedArgs args) throws UsageException {
        Path out = args.path("out");
        Path abs = out.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) throw new UsageException("--out is not a directory: " + out);
        if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
            throw new UsageException("--out: no such parent directory: " + abs.getParent());
        }
        return out;
    }

    /** {@code --max-positions}: positions open at once (0: no limit). */
    static final int MAX_POSITIONS = 100_000;
    /** {@code --heat-cap}: a fraction of equity, above 0 and at most 100 (a cap above 1 counts leverage). */
    static final NumberRange HEAT_CAP = new NumberRange(BigDecimal.ZERO, false, BigDecimal.valueOf(100), true, 6);
    /** {@code --mis-leverage}: at least 1 (paid in full) and at most 100. */
    static final NumberRange LEVERAGE = new NumberRange(BigDecimal.ONE, true, BigDecimal.valueOf(100), true, 4);

    private static final List<String> PORTFOLIO_OPTIONS = List.of("max-positions", "heat-cap", "no-buying-power", "mis-leverage", "group", "max-per-group");

    private static io.tradepilot.engine.backtest.PortfolioLimits portfolio(ParsedArgs args, Path data) throws UsageException {
        if (!args.has("portfolio")) {
            for (String o : PORTFOLIO_OPTIONS) if (args.has(o)) throw new UsageException("--" + o + " needs --portfolio");
            return null;
        }
        if (!Files.isDirectory(data)) throw new UsageException("--portfolio needs --data to be a folder of SYMBOL.csv files");
        if (args.has("cash-only")) throw new UsageException("--cash-only does not apply to --portfolio (buying power is on unless --no-buying-power)");
        int maxPositions = args.integer("max-positions", 0, 0, MAX_POSITIONS);
        BigDecimal heat = args.has("heat-cap") ? args.number("heat-cap", null, HEAT_CAP) : null;
        var limits = io.tradepilot.engine.backtest.PortfolioLimits.cashAccount(maxPositions, heat).withBuyingPower(!args.has("no-buying-power"));
        if (args.has("mis-leverage")) {
            if (args.has("no-buying-power")) throw new UsageException("--mis-leverage sets the margin of the buying-power check: not with --no-buying-power");
            limits = limits.withIntraday(java.util.Set.of(), args.number("mis-leverage", null, LEVERAGE));
        }
        java.util.Map<String, List<String>> groups = new java.util.TreeMap<>();
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        for (String g : args.values("group")) {
            int eq = g.indexOf('=');
            if (eq <= 0 || eq == g.length() - 1) throw new UsageException("--group must be NAME=SYM,SYM: '" + g + "'");
            String name = g.substring(0, eq).strip();
            List<String> symbols = new java.util.ArrayList<>();
            for (String sym : g.substring(eq + 1).split(",")) {
                String sy = sym.strip();
                if (sy.isEmpty()) throw new UsageException("--group " + name + ": empty symbol in '" + g + "'");
                String other = seen.put(sy, name);
                if (other != null && !other.equals(name)) throw new UsageException("--group: " + sy + " is in both " + other + " and " + name);
                symbols.add(sy);
            }
            if (groups.containsKey(name)) throw new UsageException("--group " + name + " is given twice");
            groups.put(name, List.copyOf(symbols));
        }
        if (args.has("max-per-group") && groups.isEmpty()) throw new UsageException("--max-per-group needs at least one --group");
        if (!groups.isEmpty()) limits = limits.withCorrelationGroups(groups, args.integer("max-per-group", 1, 1, MAX_POSITIONS));
        return limits;
    }

    private static BigDecimal quantity(ParsedArgs args, StrategyParameters.Resolved strategy) throws UsageException {
        String sizedBy = strategy.riskPerTradePercent() != null
                ? "the configuration sizes entries by risk_per_trade (" + strategy.riskPerTradePercent().toPlainString() + " % of equity)"
                : Strategies.definition(strategy.strategy()).sizesItself() ? strategy.strategy() + " sizes its entries from its own parameters" : null;
        if (sizedBy != null) {
            if (args.has("quantity")) throw new UsageException("--quantity does not apply: " + sizedBy);
            return null;
        }
        if (!args.has("quantity")) throw new UsageException("missing required option --quantity (the strategy trades a fixed quantity)");
        return args.number("quantity", null, QUANTITY);
    }

    private static StrategyParameters.Resolved strategy(ParsedArgs args) throws UsageException {
        if (!args.has("config")) return StrategyParameters.validate(args.required("strategy"), args.values("param"));
        if (args.has("strategy") || args.has("param")) throw new UsageException("--config replaces --strategy and --param: give one or the other");
        try {
            return StrategyParameters.fromConfig(args.path("config"));
        } catch (java.io.IOException e) {
            throw new UsageException("--config: cannot read " + args.required("config") + ": " + e.getMessage());
        }
    }

    @Override
    public int execute(ParsedArgs args, PrintStream out, PrintStream err) throws UsageException, IOException {
        BacktestRequest request = request(args);
        if (executor == null) {
            err.println("backtest: the backtest engine is not part of this build");
            return Cli.EXIT_FAILURE;
        }
        return executor.run(request, out, err);
    }
}
