/** The dashboard view (route {@code ""}), its control dialogs and history tables. */
package io.tradepilot.dashboard.ui;
