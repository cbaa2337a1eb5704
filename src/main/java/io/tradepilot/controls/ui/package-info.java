/** The controls' own views: the trading mode page and the LIVE banner shown on every page. */
package io.tradepilot.controls.ui;
