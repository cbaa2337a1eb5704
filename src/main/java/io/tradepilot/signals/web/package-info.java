/** The signals' REST endpoint: {@code POST /api/v1/signals/{strategyId}}, the webhook TradingView and ChartInk post to. */
package io.tradepilot.signals.web;
