/** The backtests' pages: the list with live progress ({@code /backtests}), the run form, a result, and a comparison. */
package io.tradepilot.backtests.ui;
