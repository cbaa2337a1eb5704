package io.tradepilot.engine.marketdata;

/**
 * A row the reader skipped under {@link CsvBarReader.InconsistentBars#SKIP}: where it was and why.
 * Skipped rows are always reported, never silently repaired.
 */
public record DataIssue(String source, long line, String problem) {

    @Override
    public String toString() {
        return source + " line " + line + ": " + problem;
    }
}
