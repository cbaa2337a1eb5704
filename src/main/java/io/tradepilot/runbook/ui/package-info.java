/**
 * The runbook's views: {@code /runbook/<page>} renders a page of {@code docs/runbook/} and puts the live parts in
 * it (control states pushed on every change, automatic checks pushed every two seconds, the real control dialogs,
 * the pre-flight checklist, incidents). Every action goes through the owning module's service, which authorizes and
 * audits it: a button hidden here is a convenience.
 */
package io.tradepilot.runbook.ui;
