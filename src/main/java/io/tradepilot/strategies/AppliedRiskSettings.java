package io.tradepilot.strategies;

import java.util.Optional;

/**
 * The risk settings version applied now, for checks that run without a signed-in user (the runbook's pre-flight):
 * read-only, no role needed, nothing audited. {@link RiskSettings} is the audited, role-checked API for people.
 */
public interface AppliedRiskSettings {

    /** The applied version's number and canonical document; empty while nothing is applied (an empty store). */
    Optional<Applied> appliedRiskSettings();

    /** One applied version: its number and its canonical YAML document. */
    record Applied(int version, String document) {
    }
}
