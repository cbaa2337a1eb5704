/** The Signals page: webhook strategies and the latest signals with their outcome; create, enable and disable for admins. */
package io.tradepilot.signals.ui;
