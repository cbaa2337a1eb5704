-- Sign-in lockout per account and client address (docs/security.md, "Sign-in lockout"): a stranger's
-- wrong passwords lock their own address out of the account, not its owner. app_user.failed_logins and
-- locked_until now count the account's failures from all addresses since its last successful sign-in.
CREATE TABLE login_client (
    id             BIGSERIAL PRIMARY KEY,
    username       VARCHAR(64) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    client_address VARCHAR(64) NOT NULL,
    failures       INTEGER     NOT NULL DEFAULT 0,
    locked_until   TIMESTAMP WITH TIME ZONE,
    last_failure_at TIMESTAMP WITH TIME ZONE,
    last_success_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT login_client_key UNIQUE (username, client_address)
);
