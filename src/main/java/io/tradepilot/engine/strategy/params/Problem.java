package io.tradepilot.engine.strategy.params;

/** One validation problem: where ({@code parameters.slow}) and what. Prints as {@code path: message}. */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
