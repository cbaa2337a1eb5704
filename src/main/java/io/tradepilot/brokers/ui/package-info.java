/** The brokers' views: the Connections page (admins add, test and activate broker accounts). */
package io.tradepilot.brokers.ui;
