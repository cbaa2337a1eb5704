/**
 * Implementation of security: the filter chains (Vaadin UI, REST API with bearer tokens, public
 * health and OpenAPI) and the headers they add, the user store (JPA over {@code app_user} and
 * {@code api_token}), the sign-in lockout per account and client address ({@code login_client}),
 * session limits and the first-admin bootstrap.
 */
package io.tradepilot.security.internal;
