/**
 * The REST API's shared web plumbing: RFC 9457 problem details for every error (never a 5xx for bad
 * input), a request body size limit, and a 404 problem for unknown {@code /api} paths.
 */
package io.tradepilot.base.web;
