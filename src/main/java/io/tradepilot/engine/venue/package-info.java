/**
 * The engine's edge to the places that execute orders. Out: the {@link io.tradepilot.engine.venue.ExecutionVenue}
 * port (submit, cancel, modify, resolve by client order id), which the paper broker and every broker adapter
 * implement. In: {@link io.tradepilot.engine.venue.ExecutionReport}s, past-tense facts from the venue (accepted
 * with its id, rejected, partially filled, filled, cancelled, cancel rejected, expired, modified, modify
 * rejected), which reach the engine as commands ({@code EngineCommand.VenueReport}) on its single writer, or
 * synchronously through {@link io.tradepilot.engine.venue.ExecutionReports} for a venue that runs on the
 * writer thread. Nothing here knows the engine's internals: a new broker implements the port and maps its
 * messages to these reports.
 */
package io.tradepilot.engine.venue;
