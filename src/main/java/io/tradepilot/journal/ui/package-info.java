/** The Journal page: filters kept in the URL, statistics, equity/drawdown and daily P&amp;L charts, a lazy trades grid, a trade's fills, tags and note. */
package io.tradepilot.journal.ui;
