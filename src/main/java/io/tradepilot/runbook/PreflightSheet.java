package io.tradepilot.runbook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in user's pre-flight for one trading day: the manual items with the user's ticks, and who has
 * completed the day's pre-flight.
 */
public record PreflightSheet(LocalDate day, List<Item> items, List<Completion> completions) {

    public PreflightSheet {
        items = List.copyOf(items);
        completions = List.copyOf(completions);
    }

    /** A manual item; {@code tickedAt} is when this user ticked it for this day, null when not ticked. */
    public record Item(String id, String label, Instant tickedAt) {
        public boolean ticked() {
            return tickedAt != null;
        }
    }

    /** A user's completed pre-flight for the day. */
    public record Completion(String username, Instant at) {
    }

    /** Whether every manual item is ticked by this user. */
    public boolean allTicked() {
        return items.stream().allMatch(Item::ticked);
    }

    /** This user's completion, if any. */
    public Optional<Completion> completionOf(String username) {
        return completions.stream().filter(c -> c.username().equals(username)).findFirst();
    }
}
