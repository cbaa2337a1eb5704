/** The Audit view: the audit log, filtered and paged, for operators and admins. */
package io.tradepilot.audit.ui;
