/**
 * Exchange calendars: regular session hours in the exchange's time zone, holidays and early closes
 * loaded from the data files under {@code calendars/} on the classpath (one CSV per exchange).
 */
package io.tradepilot.engine.calendar;
