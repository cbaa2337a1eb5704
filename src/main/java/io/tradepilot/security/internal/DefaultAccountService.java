package io.tradepilot.security.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.AccountService;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.SecurityRefusal;
import java.time.Clock;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DefaultAccountService implements AccountService {

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    DefaultAccountService(AppUserRepository users, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void changeOwnPassword(String currentPassword, String newPassword) {
        String username = CurrentUser.username();
        AuditLog.Pending record = AuditFirst.begin(audit, "PASSWORD_CHANGED", username);
        try {
            AppUser user = users.findForUpdate(username)
                    .orElseThrow(() -> new SecurityRefusal("Your account no longer exists."));
            if (currentPassword == null || !encoder.matches(currentPassword, user.passwordHash())) {
                throw new SecurityRefusal("The current password is wrong.");
            }
            if (currentPassword.equals(newPassword)) {
                throw new SecurityRefusal("The new password must differ from the current one.");
            }
            PasswordPolicy.check(username, newPassword);
            user.changePassword(encoder.encode(newPassword), clock.instant());
            record.complete(AuditOutcome.SUCCESS, null);
        } catch (SecurityRefusal refusal) {
            record.complete(AuditOutcome.FAILED, refusal.getMessage());
            throw refusal;
        }
    }
}
