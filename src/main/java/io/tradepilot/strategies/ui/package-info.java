/** The strategy settings page: schema-generated form, YAML, history, diff, rollback, apply, and the risk settings. */
package io.tradepilot.strategies.ui;
