package io.tradepilot.dashboard;

import io.tradepilot.controls.Control;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How many times each control changed in each hour of a window, oldest hour first.
 *
 * @param hours  the start of each hour
 * @param counts per control, one count per hour (same length as {@code hours})
 */
public record ControlActivity(List<Instant> hours, Map<Control, List<Integer>> counts) {
}
