/**
 * The engine's shared vocabulary: exact prices, quantities and money, instruments, sides and bars.
 * Every accounting boundary uses these types; none of them rounds silently.
 */
package io.tradepilot.engine.domain;
