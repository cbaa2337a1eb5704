package io.tradepilot.brokers.kite;

import java.time.Instant;

/** What {@code POST /session/token} gives: the day's access token (a secret: never logged) and whose it is. */
public record KiteSessionToken(String userId, String accessToken, String publicToken, Instant loginTime) {

    @Override
    public String toString() {
        return "KiteSessionToken[userId=" + userId + ", accessToken=***, loginTime=" + loginTime + "]";
    }
}
