/**
 * The web application's frame: the app shell (theme, server push), the main layout with its side
 * navigation built from {@code @Menu} entries, and shared UI and web pieces such as RFC 9457 problem
 * details for the REST API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Base")
package io.tradepilot.base;
