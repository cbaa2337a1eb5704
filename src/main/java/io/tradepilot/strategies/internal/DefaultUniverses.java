package io.tradepilot.strategies.internal;

import io.tradepilot.engine.strategy.config.StrategyConfigLoader;
import io.tradepilot.engine.strategy.params.Problem;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.PlainText;
import io.tradepilot.security.Roles;
import io.tradepilot.strategies.ConfigRefusal;
import io.tradepilot.strategies.ConfigVersion;
import io.tradepilot.strategies.Universe;
import io.tradepilot.strategies.Universes;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@link Universes} in table {@code strategy_universe} (V190): checked, audited record-first, denials audited. */
class DefaultUniverses implements Universes {

    static final String SAVE = "UNIVERSE_SAVE";
    static final String DELETE = "UNIVERSE_DELETE";
    /** The exchanges the platform has calendars for. */
    static final List<String> EXCHANGES = List.of("NSE", "NYSE");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9 _.&-]{0,62}[A-Za-z0-9_.&-])?");
    /** The symbol form the backtests and the stored series use. */
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._&-]{0,39}");

    private static final Table<Record> UNIVERSE = DSL.table("strategy_universe");
    private static final Field<String> NAME_F = DSL.field("name", String.class);
    private static final Field<String> EXCHANGE = DSL.field("exchange", String.class);
    private static final Field<String> SYMBOLS = DSL.field("symbols", String.class);
    private static final Field<Integer> VERSION = DSL.field("version", Integer.class);
    private static final Field<String> UPDATED_BY = DSL.field("updated_by", String.class);
    private static final Field<OffsetDateTime> UPDATED_AT = DSL.field("updated_at", OffsetDateTime.class);
    private static final Field<String> REASON = DSL.field("reason", String.class);

    private final DSLContext db;
    private final JooqConfigStore configs;
    private final ConfigAudit audit;
    private final Clock clock;

    DefaultUniverses(DSLContext db, JooqConfigStore configs, ConfigAudit audit, Clock clock) {
        this.db = db;
        this.configs = configs;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @PreAuthorize(DefaultStrategyConfigs.READ)
    public List<Universe> universes() {
        return db.select(NAME_F, EXCHANGE, SYMBOLS, VERSION, UPDATED_BY, UPDATED_AT, REASON).from(UNIVERSE).orderBy(NAME_F)
                .fetch(DefaultUniverses::universe);
    }

    @Override
    @PreAuthorize(DefaultStrategyConfigs.READ)
    public Universe universe(String name) {
        return find(name).orElseThrow(() -> notFound(name));
    }

    /** The universe named {@code name}, without a role check (resolving a version being applied or started). */
    Optional<Universe> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) return Optional.empty();
        return db.select(NAME_F, EXCHANGE, SYMBOLS, VERSION, UPDATED_BY, UPDATED_AT, REASON).from(UNIVERSE).where(NAME_F.eq(name))
                .fetchOptional(DefaultUniverses::universe);
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = StrategiesDeniedHandler.class)
    public Universe create(String name, String exchange, List<String> symbols, String reason) {
        String target = target(name);
        Checked c = checked(SAVE, target, name, exchange, symbols);
        String why = audit.reason(SAVE, target, reason);
        if (find(c.name).isPresent()) {
            throw audit.refused(SAVE, target, new ConfigRefusal(409, "ALREADY_EXISTS", "name", "a universe named '" + c.name + "' exists"));
        }
        Instant at = clock.instant();
        String by = CurrentUser.username();
        return audit.change(SAVE, target, "create " + c.exchange + " " + c.symbols.size() + " symbols: " + why, () -> {
            try {
                db.insertInto(UNIVERSE).set(NAME_F, c.name).set(EXCHANGE, c.exchange).set(SYMBOLS, String.join(",", c.symbols))
                        .set(VERSION, 1).set(UPDATED_BY, by).set(UPDATED_AT, at.atOffset(java.time.ZoneOffset.UTC)).set(REASON, why).execute();
            } catch (IntegrityConstraintViolationException e) {
                throw new ConfigRefusal(409, "ALREADY_EXISTS", "name", "a universe named '" + c.name + "' exists");
            }
            return new Universe(c.name, c.exchange, c.symbols, 1, by, at, why);
        });
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = StrategiesDeniedHandler.class)
    public Universe update(String name, String exchange, List<String> symbols, Integer expectedVersion, String reason) {
        String target = target(name);
        Universe before = find(name).orElseThrow(() -> audit.refused(SAVE, target, notFound(name)));
        Checked c = checked(SAVE, target, name, exchange, symbols);
        String why = audit.reason(SAVE, target, reason);
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw audit.refused(SAVE, target, concurrent(name));
        }
        Instant at = clock.instant();
        String by = CurrentUser.username();
        int next = before.version() + 1;
        return audit.change(SAVE, target, "v" + next + " " + c.exchange + " " + c.symbols.size() + " symbols (was " + before.symbols().size() + "): " + why, () -> {
            int n = db.update(UNIVERSE).set(EXCHANGE, c.exchange).set(SYMBOLS, String.join(",", c.symbols)).set(VERSION, next)
                    .set(UPDATED_BY, by).set(UPDATED_AT, at.atOffset(java.time.ZoneOffset.UTC)).set(REASON, why)
                    .where(NAME_F.eq(c.name), VERSION.eq(before.version())).execute();
            if (n != 1) throw concurrent(name);
            return new Universe(c.name, c.exchange, c.symbols, next, by, at, why);
        });
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = StrategiesDeniedHandler.class)
    public void delete(String name, String reason) {
        String target = target(name);
        Universe before = find(name).orElseThrow(() -> audit.refused(DELETE, target, notFound(name)));
        String why = audit.reason(DELETE, target, reason);
        List<String> users = namedBy(before.name());
        if (!users.isEmpty()) {
            throw audit.refused(DELETE, target, new ConfigRefusal(409, "UNIVERSE_IN_USE", "name", "the latest version of "
                    + String.join(", ", users) + " names universe '" + before.name() + "': store versions without it first"));
        }
        audit.change(DELETE, target, "v" + before.version() + " " + before.symbols().size() + " symbols: " + why, () -> {
            if (db.deleteFrom(UNIVERSE).where(NAME_F.eq(before.name()), VERSION.eq(before.version())).execute() != 1) throw concurrent(name);
            return null;
        });
    }

    /** The strategies whose latest stored version names universe {@code name}. */
    private List<String> namedBy(String name) {
        List<String> out = new ArrayList<>();
        for (ConfigVersion v : configs.latest(JooqConfigStore.STRATEGY)) {
            var r = StrategyConfigLoader.parse(v.document());
            if (r.ok() && name.equals(r.config().universe())) out.add(v.key() + " v" + v.version());
        }
        return out;
    }

    // ------------------------------------------------------------------ checks

    private record Checked(String name, String exchange, List<String> symbols) {
    }

    /** The input checked; every problem is reported at once, on its path, and audited FAILED. */
    private Checked checked(String action, String target, String name, String exchange, List<String> symbols) {
        List<Problem> problems = problems(name, exchange, symbols);
        if (!problems.isEmpty()) {
            String text = String.join("; ", problems.stream().map(Problem::toString).toList());
            throw audit.refused(action, target, new ConfigRefusal(422, "INVALID_UNIVERSE", field(problems.getFirst().path()),
                    "the universe is not valid: " + text, problems));
        }
        return new Checked(name, exchange, symbols.stream().map(String::strip).toList());
    }

    /** Every problem of a universe's input (empty: valid), each on its path ({@code name}, {@code exchange}, {@code symbols[i]}). */
    static List<Problem> problems(String name, String exchange, List<String> symbols) {
        List<Problem> out = new ArrayList<>();
        if (name == null || name.isBlank()) out.add(new Problem("name", "is required"));
        else if (PlainText.singleLineProblem(name).isPresent()) out.add(new Problem("name", PlainText.singleLineProblem(name).get()));
        else if (!NAME.matcher(name).matches()) {
            out.add(new Problem("name", "must be 1-64 letters, digits, spaces, '_', '.', '&' or '-', starting with a letter or digit and not ending with a space"));
        }
        if (exchange == null || exchange.isBlank()) out.add(new Problem("exchange", "is required (" + String.join(" or ", EXCHANGES) + ")"));
        else if (!EXCHANGES.contains(exchange)) out.add(new Problem("exchange", "must be " + String.join(" or ", EXCHANGES)));
        if (symbols == null || symbols.isEmpty()) {
            out.add(new Problem("symbols", "must list at least one symbol"));
            return out;
        }
        if (symbols.size() > MAX_SYMBOLS) out.add(new Problem("symbols", "must list at most " + MAX_SYMBOLS + " symbols"));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < symbols.size() && i < MAX_SYMBOLS; i++) {
            String s = symbols.get(i);
            String path = "symbols[" + i + "]";
            if (s == null || s.isBlank()) out.add(new Problem(path, "is blank"));
            else if (PlainText.singleLineProblem(s).isPresent()) out.add(new Problem(path, PlainText.singleLineProblem(s).get()));
            else if (!SYMBOL.matcher(s.strip()).matches()) {
                out.add(new Problem(path, "'" + s.strip() + "' is not " + (exchange == null ? "a" : "an " + exchange)
                        + " symbol (1-40 of A-Z, 0-9, '.', '_', '&', '-', starting with a letter or digit)"));
            } else if (!seen.add(s.strip())) out.add(new Problem(path, "duplicate symbol '" + s.strip() + "'"));
        }
        return out;
    }

    /** The request field a problem's path belongs to ({@code symbols[3]} → {@code symbols}). */
    private static String field(String path) {
        int bracket = path.indexOf('[');
        return bracket < 0 ? path : path.substring(0, bracket);
    }

    private static String target(String name) {
        return "universe:" + (name != null && NAME.matcher(name).matches() ? name : "-");
    }

    private static ConfigRefusal notFound(String name) {
        return new ConfigRefusal(404, "NOT_FOUND", "name", "no universe named '" + (name != null && NAME.matcher(name).matches() ? name : "?") + "'");
    }

    private static ConfigRefusal concurrent(String name) {
        return new ConfigRefusal(409, "CONCURRENT_CHANGE", "version", "universe '" + name + "' was changed meanwhile: reload it and try again");
    }

    private static Universe universe(Record r) {
        return new Universe(r.get(NAME_F), r.get(EXCHANGE), Arrays.asList(r.get(SYMBOLS).split(",")), r.get(VERSION), r.get(UPDATED_BY),
                r.get(UPDATED_AT).toInstant(), r.get(REASON));
    }
}
