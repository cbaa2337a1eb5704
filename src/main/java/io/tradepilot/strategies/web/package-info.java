/** The REST endpoints of stored strategy configurations and risk settings ({@code /api/v1/strategies}, {@code /api/v1/risk-settings}). */
package io.tradepilot.strategies.web;
