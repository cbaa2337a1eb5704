/**
 * The REST API's shared web plumbing: RFC 9457 problem details with a stable {@code code} for every
 * error of {@code /api} and {@code /actuator} (never a 5xx for bad input, never an HTML page or a
 * redirect), also for what Tomcat or the security firewall refuse before the application runs; a
 * request body size limit, and a 404 problem for unknown {@code /api} paths.
 */
package io.tradepilot.base.web;
