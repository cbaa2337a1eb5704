/**
 * Reconciliation with the broker: at start-up and every few minutes the ledger's working orders, positions and cash
 * are compared with the connected venue's book ({@code brokers.VenueSession#book}); fills the engine missed are
 * back-filled as execution reports ({@link io.tradepilot.trading.EngineReconciliation}), every other difference
 * is a {@link io.tradepilot.reconciliation.Mismatch} that holds new entries (the circuit breaker tripped with
 * {@code RECONCILIATION_MISMATCH}; exits still pass) until an admin adopts, closes or ignores it on the Reconciliation
 * page. Nothing is ever overwritten silently. {@link io.tradepilot.reconciliation.Reconciliation} is the API; the
 * comparison itself is {@code internal.Reconciler} (plain Java). See docs/brokers.md, "Reconciliation".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reconciliation")
package io.tradepilot.reconciliation;
