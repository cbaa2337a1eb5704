/** The Alerts page: the history for every role; channels, rules and quiet hours for admins. */
package io.tradepilot.alerts.ui;
