package io.tradepilot.dashboard;

import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlService;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The chart data of the dashboard: control changes per hour, from the controls' histories. The same for every
 * session, and every open dashboard asks for it on each control change: so the result is kept and reused while
 * the hour and each history's newest entry are unchanged (three one-entry reads instead of up to 3,000 entries
 * read and decoded per session).
 */
@Component
public class ControlActivityQuery {

    private final BiFunction<Control, Integer, List<ControlChanged>> history;
    private final Clock clock;
    private volatile Computed last;

    /** A result and what it was computed from: the window, its current hour and each history's newest entry. */
    private record Computed(int hours, Instant currentHour, List<Optional<ControlChanged>> newest, ControlActivity activity) {
    }

    @org.springframework.beans.factory.annotation.Autowired
    ControlActivityQuery(ControlService controls, Clock clock) {
        this(controls::history, clock);
    }

    /** For tests and other sources: {@code history} gives the newest changes of a control, newest first. */
    public ControlActivityQuery(BiFunction<Control, Integer, List<ControlChanged>> history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    /**
     * Changes per control in each of the last {@code hours} hours (the current hour included).
     * Changes older than the window are ignored; the histories hold at most their cap.
     */
    public ControlActivity lastHours(int hours) {
        Instant currentHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        List<Optional<ControlChanged>> newest = new ArrayList<>();
        for (Control control : Control.values()) newest.add(history.apply(control, 1).stream().findFirst());
        Computed reused = last;
        if (reused != null && reused.hours() == hours && reused.currentHour().equals(currentHour) && reused.newest().equals(newest)) {
            return reused.activity();
        }
        ControlActivity activity = count(hours, currentHour);
        last = new Computed(hours, currentHour, List.copyOf(newest), activity);
        return activity;
    }

    private ControlActivity count(int hours, Instant currentHour) {
        Instant start = currentHour.minus(Duration.ofHours(hours - 1L));
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < hours; i++) {
            starts.add(start.plus(Duration.ofHours(i)));
        }
        Map<Control, List<Integer>> counts = new EnumMap<>(Control.class);
        for (Control control : Control.values()) {
            int[] perHour = new int[hours];
            for (ControlChanged change : history.apply(control, 1000)) {
                if (change.at().isBefore(start)) {
                    continue;
                }
                long index = Duration.between(start, change.at()).toHours();
                if (index >= 0 && index < hours) {
                    perHour[(int) index]++;
                }
            }
            counts.put(control, Arrays.stream(perHour).boxed().toList());
        }
        return new ControlActivity(List.copyOf(starts), counts);
    }
}
