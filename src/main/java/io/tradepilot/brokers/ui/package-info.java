/** The brokers module's views: the Kite login page. */
package io.tradepilot.brokers.ui;
