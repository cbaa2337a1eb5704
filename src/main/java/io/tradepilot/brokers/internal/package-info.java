/** Plumbing shared by the broker adapters: {@link io.tradepilot.brokers.internal.BrokerCallGuard} (rate limit, consecutive-failure breaker, retries of reads only). */
package io.tradepilot.brokers.internal;
