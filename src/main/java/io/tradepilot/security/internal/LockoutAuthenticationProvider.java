package io.tradepilot.security.internal;

import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.PlainText;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username/password sign-in with a lockout per account and client address ({@link LockoutPolicy}): while
 * the account is locked for the caller's address, the attempt is refused before the password is checked;
 * a wrong password counts one more failure (and may lock), a success resets the address's count. The
 * client address is {@link CurrentUser#clientAddress()}'s. The {@link LockedException} message is meant
 * for the sign-in page.
 */
class LockoutAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwordCheck;
    private final LoginAttempts attempts;

    LockoutAuthenticationProvider(AuthenticationProvider passwordCheck, LoginAttempts attempts) {
        this.passwordCheck = passwordCheck;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = DatabaseUserDetailsService.normalize(authentication.getName());
        String client = CurrentUser.clientAddress();
        if (client == null && authentication.getDetails() instanceof WebAuthenticationDetails details) {
            client = details.getRemoteAddress();
        }
        if (PlainText.singleLineProblem(username).isPresent()) {
            // no user has such a name (PlainText), and the database would refuse to even look it up
            attempts.recordRefused(username, client, "bad credentials: the username is not plain text");
            throw new BadCredentialsException("Bad credentials");
        }
        Optional<Duration> remaining = attempts.remainingLock(username, client);
        if (remaining.isPresent()) {
            attempts.recordRefusedWhileLocked(username, client, remaining.get());
            throw new LockedException(lockedMessage(remaining.get()));
        }
        UsernamePasswordAuthenticationToken normalized = UsernamePasswordAuthenticationToken.unauthenticated(
                username, authentication.getCredentials());
        normalized.setDetails(authentication.getDetails());
        try {
            Authentication result = passwordCheck.authenticate(normalized);
            attempts.recordSuccess(username, client);
            return result;
        } catch (BadCredentialsException e) {
            Optional<Duration> lock = attempts.recordFailure(username, client);
            if (lock.isPresent()) {
                throw new LockedException(lockedMessage(lock.get()), e);
            }
            throw e;
        } catch (DisabledException e) {
            attempts.recordRefused(username, client, "account disabled");
            throw e;
        }
    }

    static String lockedMessage(Duration remaining) {
        return "Too many failed sign-ins. This account is locked for " + LockoutPolicy.describe(remaining)
                + " from here; try again later.";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
