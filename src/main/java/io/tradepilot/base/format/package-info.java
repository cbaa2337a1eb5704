/**
 * Showing exact amounts to people: money with its currency, quantities and percentages, formatted
 * from {@link java.math.BigDecimal} without ever passing through {@code double}.
 */
@org.springframework.modulith.NamedInterface("format")
package io.tradepilot.base.format;
