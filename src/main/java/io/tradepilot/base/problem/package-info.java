/**
 * Refusals that are their own RFC 9457 problem detail: {@link io.tradepilot.base.problem.Refusal}, the base of the
 * modules' refusal types (a status, a stable {@code code}, the offending {@code field}).
 */
@org.springframework.modulith.NamedInterface("problem")
package io.tradepilot.base.problem;
