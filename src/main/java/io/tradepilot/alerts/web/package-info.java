/** The alerts' REST API under {@code /api/v1/alerts}: the history for every signed-in role; channels, rules and quiet hours for admins. */
package io.tradepilot.alerts.web;
