package io.tradepilot.brokers;

import java.time.Instant;

/**
 * The outcome of testing an account's connection (Alpaca: {@code GET /v2/account}).
 *
 * @param ok     the broker answered and accepted the credentials
 * @param detail what the broker said (account number and status) or what failed; never a credential
 */
public record ConnectionCheck(boolean ok, String detail, Instant at) {
}
