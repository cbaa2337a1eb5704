/**
 * Implementation of the controls: the Redis store (atomic check-and-set by Lua script, capped
 * history, change relay over pub/sub), authorization with auditing of denials, and configuration.
 */
package io.tradepilot.controls.internal;
