/** The Reconciliation page. */
package io.tradepilot.reconciliation.ui;
