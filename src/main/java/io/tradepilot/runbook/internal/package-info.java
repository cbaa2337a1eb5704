/**
 * The runbook's implementation: the pre-flight service and its built-in checks, incidents, their jOOQ store and
 * audit records, and the Markdown pages read from the classpath ({@code runbook/*.md}, from {@code docs/runbook}).
 */
package io.tradepilot.runbook.internal;
