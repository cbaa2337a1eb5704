package io.tradepilot.strategies;

/**
 * One difference between two versions at a path of the document ({@code parameters.fast}); {@code before} or
 * {@code after} is null where the path is absent on that side. Values are shown as their YAML text.
 */
public record ConfigChange(String path, String before, String after) {
}
