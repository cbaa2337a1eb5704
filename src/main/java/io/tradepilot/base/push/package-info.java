/**
 * Server push's log hygiene: a browser that goes away while the server pushes to it is an expected event,
 * so {@link io.tradepilot.base.push.ClientDisconnectFilter} logs Vaadin's and Atmosphere's ERROR lines for it
 * at DEBUG and counts them, while every other push failure still logs at ERROR;
 * {@link io.tradepilot.base.push.ClientDisconnectLogging} installs it in Logback for the application's lifetime.
 */
package io.tradepilot.base.push;
