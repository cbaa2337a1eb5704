package io.tradepilot.security.internal;

import io.tradepilot.security.Roles.Role;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorities a role grants, the hierarchy already applied (an ADMIN holds ROLE_ADMIN,
 * ROLE_OPERATOR and ROLE_VIEWER), so that every check (method security, Vaadin view access,
 * {@code isUserInRole}) sees the same thing.
 */
final class RoleAuthorities {

    private RoleAuthorities() {
    }

    static List<GrantedAuthority> of(Role role) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role candidate : Role.values()) {
            if (role.includes(candidate)) {
                authorities.add(new SimpleGrantedAuthority(candidate.authority()));
            }
        }
        return List.copyOf(authorities);
    }
}
