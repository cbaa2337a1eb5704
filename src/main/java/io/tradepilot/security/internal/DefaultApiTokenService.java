package io.tradepilot.security.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.ApiTokenService;
import io.tradepilot.security.ApiTokenSummary;
import io.tradepilot.security.CreatedApiToken;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.PlainText;
import io.tradepilot.security.Roles.Role;
import io.tradepilot.security.SecurityRefusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DefaultApiTokenService implements ApiTokenService {

    static final int MAX_ACTIVE_TOKENS = 20;

    private final ApiTokenRepository tokens;
    private final AppUserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    DefaultApiTokenService(ApiTokenRepository tokens, AppUserRepository users, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public CreatedApiToken create(String name, Instant expiresAt) {
        String username = CurrentUser.username();
        String trimmed = name == null ? "" : name.strip();
        AuditLog.Pending record = AuditFirst.begin(audit, "API_TOKEN_CREATED", trimmed);
        try {
            if (trimmed.isEmpty() || trimmed.length() > 64) {
                throw new SecurityRefusal("A token name has 1 to 64 characters.");
            }
            PlainText.singleLineProblem(trimmed).ifPresent(problem -> {
                throw new SecurityRefusal("The token name " + problem);
            });
            Instant now = clock.instant();
            if (expiresAt != null && !expiresAt.isAfter(now)) {
                throw new SecurityRefusal("The expiry must be in the future.");
            }
            AppUser owner = users.findByUsername(username)
                    .orElseThrow(() -> new SecurityRefusal("Your account no longer exists."));
            long active = tokens.findByOwner(username).stream().filter(t -> t.summary().usableAt(now)).count();
            if (active >= MAX_ACTIVE_TOKENS) {
                throw new SecurityRefusal("You have " + MAX_ACTIVE_TOKENS + " usable tokens; revoke one first.");
            }
            String secret = TokenSecrets.generate();
            ApiToken token = tokens.save(new ApiToken(owner, trimmed, TokenSecrets.displayPrefix(secret),
                    TokenSecrets.hash(secret), now, expiresAt));
            record.complete(AuditOutcome.SUCCESS,
                    "prefix " + token.summary().prefix() + (expiresAt == null ? "; no expiry" : "; expires " + expiresAt));
            return new CreatedApiToken(token.summary(), secret);
        } catch (SecurityRefusal refusal) {
            record.complete(AuditOutcome.FAILED, refusal.getMessage());
            throw refusal;
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> listMine() {
        return tokens.findByOwner(CurrentUser.username()).stream().map(ApiToken::summary).toList();
    }

    @Override
    public ApiTokenSummary revoke(long tokenId) {
        String username = CurrentUser.username();
        ApiToken token = tokens.findByIdWithOwner(tokenId).orElse(null);
        boolean mayRevoke = token != null && (token.owner().username().equals(username)
                || CurrentUser.role().filter(role -> role == Role.ADMIN).isPresent());
        if (!mayRevoke) {
            audit.record(new AuditEntry(username, "API_TOKEN_REVOKED", "#" + tokenId, null, AuditOutcome.FAILED,
                    "no such token of yours", CurrentUser.clientAddress()));
            throw new SecurityRefusal("You have no token #" + tokenId + ".");
        }
        AuditLog.Pending record = AuditFirst.begin(audit, "API_TOKEN_REVOKED", token.name());
        token.revoke(clock.instant());
        record.complete(AuditOutcome.SUCCESS, "prefix " + token.summary().prefix() + "; owner " + token.owner().username());
        return token.summary();
    }
}
