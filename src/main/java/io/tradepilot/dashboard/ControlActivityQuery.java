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
import java.util.function.BiFunction;

/** The chart data of the dashboard: control changes per hour, from the controls' histories. */
@Component
public class ControlActivityQuery {

    private final BiFunction<Control, Integer, List<ControlChanged>> history;
    private final Clock clock;

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
