package io.tradepilot.engine.marketdata;

import java.io.IOException;

/**
 * Bar data that cannot be accepted: a malformed or inconsistent row. The message is one line naming the
 * source and the 1-based line number, e.g. {@code INFY.csv line 17: high 101.5 is below low 102}.
 */
public final class BarDataException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    public BarDataException(String source, long line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file (or other source) name the row came from. */
    public String source() {
        return source;
    }

    /** The 1-based line number of the offending row (1 is the header). */
    public long line() {
        return line;
    }
}
