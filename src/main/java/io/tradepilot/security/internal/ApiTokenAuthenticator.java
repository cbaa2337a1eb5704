package io.tradepilot.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Turns a bearer secret into the owner's authentication, or says why it cannot. */
@Component
class ApiTokenAuthenticator {

    /** Last use is written at most this often per token, not on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    sealed interface Result {
    }

    record Authenticated(Authentication authentication) implements Result {
    }

    record Refused(String detail) implements Result {
    }

    private final ApiTokenRepository tokens;
    private final Clock clock;

    ApiTokenAuthenticator(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public Result authenticate(String secret) {
        if (!TokenSecrets.looksValid(secret)) {
            return new Refused("The API token is malformed.");
        }
        ApiToken token = tokens.findByHashWithOwner(TokenSecrets.hash(secret)).orElse(null);
        if (token == null) {
            return new Refused("The API token is unknown.");
        }
        Instant now = clock.instant();
        if (token.revoked()) {
            return new Refused("The API token has been revoked.");
        }
        if (token.expiredAt(now)) {
            return new Refused("The API token has expired.");
        }
        AppUser owner = token.owner();
        if (!owner.enabled()) {
            return new Refused("The API token's owner is disabled.");
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            token.markUsed(now);
        }
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                owner.username(), null, RoleAuthorities.of(owner.role()));
        authentication.setDetails("api-token:" + token.summary().prefix());
        return new Authenticated(authentication);
    }
}
