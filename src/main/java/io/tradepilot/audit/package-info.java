/**
 * The audit log: every attempted state change (allowed, refused, failed or rate limited) is recorded
 * with time, user, action, target, reason, outcome and client address. Other modules record through
 * {@link io.tradepilot.audit.AuditLog}; the implementation writes the {@code audit_event} table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.tradepilot.audit;
