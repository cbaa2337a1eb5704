package io.tradepilot.strategies;

import io.tradepilot.engine.strategy.params.ParamSpec;
import io.tradepilot.engine.strategy.params.Problem;

import java.util.List;

/**
 * Stored strategy configurations, one immutable version after another per strategy id (the document's
 * {@code name}). Documents are the YAML the command line reads ({@code backtest --config}) and are checked by the
 * same validator ({@link io.tradepilot.engine.strategy.config.StrategyConfigLoader}) plus the live engine's
 * rules; an invalid document is never stored and a version is validated again before it is applied.
 *
 * <p>Roles, enforced here: viewers read; operators and admins validate, store versions (edit, create, clone,
 * roll back); admins apply, with the typed confirmation {@link #confirmation(String, int)}. Every change needs a
 * reason and is audited before it is made; refusals and denials are audited too.
 */
public interface StrategyConfigs {

    /** The latest version of every stored strategy, by id. */
    List<ConfigVersion> strategies();

    /** Every version of {@code id}, oldest first; refuses an unknown id (404). */
    List<ConfigVersion> history(String id);

    /** One version; refuses an unknown id or version (404). */
    ConfigVersion version(String id, int version);

    /** The strategy types a configuration can be created from. */
    List<String> types();

    /** The parameter schema of {@code type}; refuses an unknown type (404). */
    List<ParamSpec> schema(String type);

    /** Every problem of {@code document} (empty: valid), as the command line reports them plus the live rules. */
    List<Problem> validate(String document);

    /** Stores {@code document} as the next version of the strategy it names (a new strategy when none has that id). */
    ConfigVersion save(String document, String reason);

    /** A new strategy {@code id} of {@code type} with the schema's defaults on {@code symbols}; refuses an existing id (409). */
    ConfigVersion create(String type, String id, List<String> symbols, String reason);

    /** A new strategy {@code newId} with the latest version of {@code id}'s settings. */
    ConfigVersion cloneAs(String id, String newId, String reason);

    /** A new version of {@code id} equal to its {@code version}. */
    ConfigVersion rollback(String id, int version, String reason);

    /** The differences from version {@code from} to version {@code to} of {@code id}. */
    List<ConfigChange> diff(String id, int from, int to);

    /**
     * Applies {@code version} of {@code id} to the running engine (and to every later start): new parameters
     * govern new entries; an open position keeps the exit plan it was opened with; working orders are left alone.
     * Admin only; {@code confirmation} must equal {@link #confirmation(String, int)}. The version must have passed the
     * promotion gate ({@link PromotionGate}) for the trading mode now: READY_FOR_LIVE in LIVE, READY_FOR_PAPER in PAPER
     * (unless {@code tradepilot.strategies.promotion.paper-apply-requires-stage} is false); otherwise it is refused 409
     * {@code PROMOTION_REQUIRED} and audited FAILED. No override.
     */
    ApplyResult apply(String id, int version, String confirmation, String reason);

    /** The words an admin types to apply {@code version} of {@code id}: {@code APPLY <id> v<version>}. */
    static String confirmation(String id, int version) {
        return "APPLY " + id + " v" + version;
    }
}
