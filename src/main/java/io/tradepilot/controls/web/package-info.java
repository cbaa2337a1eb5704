/**
 * The REST API of the controls under {@code /api/v1}: the same rules and audit as the UI, through
 * {@link io.tradepilot.controls.ControlService}. Refusals are RFC 9457 problem details with a
 * {@code code} property (409 conflict, 422 invalid, 429 rate limited, 503 state unknown).
 */
package io.tradepilot.controls.web;
