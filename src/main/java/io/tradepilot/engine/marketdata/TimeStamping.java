package io.tradepilot.engine.marketdata;

/**
 * How the bars of a series are stamped in text. {@link #DATE}: each bar starts at an exchange-local
 * midnight and is written as an ISO date ({@code 2021-04-30}); {@link #DATE_TIME}: bars start at any
 * instant and are written as an ISO local date-time with the exchange zone's UTC offset
 * ({@code 2023-07-03T09:15:00+05:30}).
 */
public enum TimeStamping {
    DATE, DATE_TIME
}
