/** The jOOQ implementation of the audit log over the {@code audit_event} table. */
package io.tradepilot.audit.internal;
