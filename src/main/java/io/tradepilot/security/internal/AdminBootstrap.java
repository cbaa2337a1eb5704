package io.tradepilot.security.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.Roles.Role;
import io.tradepilot.security.SecurityRefusal;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first admin ({@code admin}) when there are no users at all. Its password comes from
 * {@code TRADEPILOT_ADMIN_PASSWORD}; without it a random one is generated and logged this once,
 * framed so that it cannot be missed. There is no default password.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final String configuredPassword;

    AdminBootstrap(AppUserRepository users, PasswordEncoder encoder, AuditLog audit, Clock clock,
                   @Value("${tradepilot.security.initial-admin-password:}") String configuredPassword) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean configured = configuredPassword != null && !configuredPassword.isBlank();
        String password;
        if (configured) {
            try {
                PasswordPolicy.check(ADMIN_USERNAME, configuredPassword);
            } catch (SecurityRefusal refusal) {
                throw new IllegalStateException("TRADEPILOT_ADMIN_PASSWORD is not acceptable: " + refusal.getMessage());
            }
            password = configuredPassword;
        } else {
            password = PasswordPolicy.generate();
        }
        users.save(new AppUser(ADMIN_USERNAME, encoder.encode(password), Role.ADMIN, clock.instant()));
        audit.record(new AuditEntry("system", "USER_CREATED", ADMIN_USERNAME, "first start", AuditOutcome.SUCCESS,
                "role ADMIN; password " + (configured ? "from TRADEPILOT_ADMIN_PASSWORD" : "generated"), null));
        if (configured) {
            log.info("Created the first admin '{}' with the password from TRADEPILOT_ADMIN_PASSWORD.", ADMIN_USERNAME);
        } else {
            String line = "=".repeat(72);
            log.warn("""

                    {}
                      FIRST START: Tradepilot created the admin account.
                        username: {}
                        password: {}
                      This password is shown only this once. Sign in and change it (Account > Password),
                      or set TRADEPILOT_ADMIN_PASSWORD before the first start next time.
                    {}""", line, ADMIN_USERNAME, password, line);
        }
    }
}
