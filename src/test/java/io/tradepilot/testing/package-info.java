/**
 * Integration test support: {@link io.tradepilot.testing.TradepilotIntegrationTest} boots the whole
 * application on a random port against real PostgreSQL and Redis (embedded and shared per JVM, or
 * the {@code TRADEPILOT_*} servers with {@code -Dit.external=true}), with a controllable clock, users
 * per role, API tokens and a way to cut Redis off. See {@link io.tradepilot.testing.IntegrationTestSupport}.
 */
package io.tradepilot.testing;
