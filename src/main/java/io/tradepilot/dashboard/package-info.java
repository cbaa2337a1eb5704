/**
 * The dashboard: the three controls with who/when/why, their activity over time and their
 * histories, and the controls themselves for the roles that may use them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package io.tradepilot.dashboard;
