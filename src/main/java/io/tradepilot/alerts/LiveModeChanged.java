package io.tradepilot.alerts;

import java.time.Instant;

/**
 * The fact that trading switched between paper and LIVE (real money) mode, published with Spring's
 * {@code ApplicationEventPublisher} by whoever switches it (the LIVE-mode work); the alerts raise
 * {@link AlertRule#LIVE_MODE_CHANGED} for it once per {@code id}, whichever instances hear it.
 *
 * @param id      unique per switch (e.g. the audit record's id), for de-duplication
 * @param live    true: now LIVE; false: back to paper
 * @param account the broker account now traded through, null for paper
 * @param user    who switched it
 * @param reason  why, as typed
 * @param at      when
 */
public record LiveModeChanged(String id, boolean live, String account, String user, String reason, Instant at) {
}
