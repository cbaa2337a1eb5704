/**
 * The audit log's implementation: the {@code audit_event} table (jOOQ), the local append-only spool that keeps
 * records while the table cannot be written, and the drainer that writes them once it can.
 */
package io.tradepilot.audit.internal;
