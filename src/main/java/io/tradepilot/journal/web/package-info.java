/** The journal's REST API under {@code /api/v1/journal}: trades, statistics, CSV exports, tags and notes. */
package io.tradepilot.journal.web;
