/** Vaadin views of security: sign-in, users (admin), own password, own API tokens. */
package io.tradepilot.security.ui;
