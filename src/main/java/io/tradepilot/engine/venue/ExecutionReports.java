package io.tradepilot.engine.venue;

/**
 * Where a venue delivers its {@link ExecutionReport}s. The engine gives this sink to a venue that runs on
 * the engine's writer thread (the paper broker): it applies each report at once, as part of the command
 * being processed. A venue that hears from its broker on other threads (a websocket, an HTTP client)
 * must not use it; it hands each report to the engine's input instead
 * ({@code engineInput.accept(new EngineCommand.VenueReport(report))}), which queues it for the writer.
 */
@FunctionalInterface
public interface ExecutionReports {
    /** Applies {@code report}; the outcome (applied, ignored as a duplicate, refused) shows as engine events. Writer thread only. */
    void report(ExecutionReport report);
}
