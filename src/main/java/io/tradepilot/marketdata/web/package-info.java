/** The market data REST API under {@code /api/v1/marketdata}: the catalog, quality reports, imports, broker fetches, deletes. */
package io.tradepilot.marketdata.web;
