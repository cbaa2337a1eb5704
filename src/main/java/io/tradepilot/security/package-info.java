/**
 * Who may do what: users and their roles (ADMIN &gt; OPERATOR &gt; VIEWER, kept in PostgreSQL with
 * bcrypt hashes), sign-in with a growing lockout, idle and absolute session limits, the first
 * admin at first start, personal API tokens for the REST API, and the application services that
 * manage them ({@link io.tradepilot.security.UserAdministration},
 * {@link io.tradepilot.security.AccountService}, {@link io.tradepilot.security.ApiTokenService}).
 * Every mutating service method is authorized on the server.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package io.tradepilot.security;
