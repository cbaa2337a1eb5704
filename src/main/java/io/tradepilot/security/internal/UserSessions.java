package io.tradepilot.security.internal;

import java.util.List;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.stereotype.Component;

/** Ends a user's web sessions, so that a role change, disabling or a password reset takes effect now. */
@Component
class UserSessions {

    private final SessionRegistry registry;

    UserSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    void endAll(String username) {
        // User.equals/hashCode use the username only
        Object principal = User.withUsername(username).password("").authorities(List.of()).build();
        registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
    }
}
