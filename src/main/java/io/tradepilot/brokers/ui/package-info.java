/** The brokers' views: the Connections page (admins add, test and activate broker accounts) and the Kite daily login page. */
package io.tradepilot.brokers.ui;
