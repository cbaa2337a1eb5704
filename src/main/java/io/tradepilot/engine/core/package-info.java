/**
 * The engine: one inbound interface ({@link io.tradepilot.engine.core.EngineInput} taking {@link
 * io.tradepilot.engine.core.EngineCommand}s), one outbound port ({@link
 * io.tradepilot.engine.core.EngineEvents} receiving past-tense {@link
 * io.tradepilot.engine.core.EngineEvent}s), and {@link io.tradepilot.engine.core.TradingEngine}, which
 * mutates all state on a single writer thread. Orders go out through the {@link
 * io.tradepilot.engine.venue.ExecutionVenue} port; the venue's execution reports come back in as commands
 * ({@link io.tradepilot.engine.core.EngineCommand.VenueReport}). {@link io.tradepilot.engine.core.SingleWriterEngine}
 * gives live hosts a queue-fed writer thread and immutable snapshots; backtests drive the same
 * {@code TradingEngine} directly with a {@link io.tradepilot.engine.core.SimulatedClock}.
 */
package io.tradepilot.engine.core;
