/**
 * Orders: typed ids, order types and time in force, the {@link io.tradepilot.engine.orders.Order} state
 * machine with guarded transitions, and deterministic client order ids that make submission idempotent.
 */
package io.tradepilot.engine.orders;
