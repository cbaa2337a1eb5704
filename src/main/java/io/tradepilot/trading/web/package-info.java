/** Live trading over HTTP: read endpoints under {@code /api/v1} (positions, orders, equity, engine status). */
package io.tradepilot.trading.web;
