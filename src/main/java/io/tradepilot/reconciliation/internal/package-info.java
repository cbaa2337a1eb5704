/** Reconciliation's implementation: the pure {@link io.tradepilot.reconciliation.internal.Reconciler}, the runner, its schedule, storage and audit. */
package io.tradepilot.reconciliation.internal;
