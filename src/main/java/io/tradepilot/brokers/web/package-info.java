/** The brokers' REST API: broker accounts under {@code /api/v1/brokers/accounts} (admins). */
package io.tradepilot.brokers.web;
