package io.tradepilot.strategies;

import java.util.List;

/**
 * What applying a version did: the version now applied, whether it reached the running engine ({@code live};
 * otherwise the next engine start runs it) and the changes from the version applied before.
 */
public record ApplyResult(ConfigVersion version, boolean live, String message, List<ConfigChange> changes) {
}
