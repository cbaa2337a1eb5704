/** The backtests' REST API: {@code /api/v1/backtests} (submit, list, get, cancel); refusals as problem+json. */
package io.tradepilot.backtests.web;
