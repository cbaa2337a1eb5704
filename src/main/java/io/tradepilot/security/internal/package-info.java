/**
 * Implementation of security: the filter chains (Vaadin UI, REST API with bearer tokens, public
 * health and OpenAPI), the user store (JPA over {@code app_user} and {@code api_token}), lockout,
 * session limits and the first-admin bootstrap.
 */
package io.tradepilot.security.internal;
