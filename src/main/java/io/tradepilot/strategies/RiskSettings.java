package io.tradepilot.strategies;

import io.tradepilot.engine.strategy.params.Problem;

import java.util.List;

/**
 * The risk limits of the engine (the host's limits record) as stored versions, admin only for every change.
 * The document's keys are the record's components in kebab-case, read by reflection, so a limit added to the
 * record appears here without a change. Applying a version that only tightens needs a reason; one that loosens
 * any limit (or changes one whose direction is not known) also needs the typed confirmation {@link #LOOSEN}.
 */
public interface RiskSettings {

    /** The typed confirmation of a loosening change. */
    String LOOSEN = "LOOSEN";

    /** Every version, oldest first. */
    List<ConfigVersion> history();

    ConfigVersion version(int version);

    /** The version applied now. */
    ConfigVersion applied();

    /** Every problem of {@code document} (empty: valid). Admin only. */
    List<Problem> validate(String document);

    /** Stores {@code document} as the next version. Admin only. */
    ConfigVersion save(String document, String reason);

    /** A new version equal to {@code version}. Admin only. */
    ConfigVersion rollback(int version, String reason);

    List<ConfigChange> diff(int from, int to);

    /** The changes from the applied version to {@code version} that loosen a limit (empty: it only tightens). */
    List<ConfigChange> loosening(int version);

    /** Applies {@code version} to the running engine; see the class comment for the confirmation. Admin only. */
    ApplyResult apply(int version, String confirmation, String reason);
}
