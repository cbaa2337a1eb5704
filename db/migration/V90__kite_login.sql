-- Zerodha Kite's daily login (io.tradepilot.brokers.internal.DefaultKiteLogins): per Kite account, the access token
-- of the last login sealed with AES-GCM (io.tradepilot.security.SecretBox, context "kite-access-token:<account>"),
-- never stored in the clear, valid until 06:00 IST after the login. problem: why Kite last refused the token
-- (login needed), null while it works. Numbered 90 to stay clear of other branches' migrations.
CREATE TABLE kite_login (
    account_id          VARCHAR(64)   PRIMARY KEY,
    kite_user_id        VARCHAR(64)   NOT NULL,
    access_token        VARCHAR(4000) NOT NULL,
    logged_in_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until         TIMESTAMP WITH TIME ZONE NOT NULL,
    logged_in_by        VARCHAR(100)  NOT NULL,
    problem             VARCHAR(2000),
    problem_at          TIMESTAMP WITH TIME ZONE
);
