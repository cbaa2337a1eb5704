/**
 * The controls' own views (the trading mode page, the LIVE banner shown on every page) and their dialogs for views of
 * other modules: {@link io.tradepilot.controls.ui.ControlDialog} asks for what a control action needs; the views submit
 * it to {@link io.tradepilot.controls.ControlService}, which decides.
 */
@org.springframework.modulith.NamedInterface("ui")
package io.tradepilot.controls.ui;
