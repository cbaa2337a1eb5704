package io.tradepilot.scheduler.internal;

import io.tradepilot.scheduler.NearBreakout;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.SetupLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the Setups page's lines of one day (pure): the day's scan rows, each setup's recorded decision and trade, the
 * near-breakout watch's findings. The state of a line ({@link SetupLine#state()}), in order: a recorded trade that is
 * over is EXITED; an entry order placed (by this scan or an earlier one) is ENTERED; a qualified setup with scan orders
 * off is QUALIFIED; any other decision (skipped, refused) is NOT_TAKEN with its reason; a setup without a decision is
 * NEAR_BREAKOUT when the watch flagged it or the scanner said so, else FOUND.
 */
final class SetupLines {

    static final Comparator<SetupLine> ORDER = Comparator.comparingInt((SetupLine l) -> switch (l.state()) {
        case "ENTERED" -> 0;
        case "EXITED" -> 1;
        case "QUALIFIED" -> 2;
        case "NEAR_BREAKOUT" -> 3;
        case "NOT_TAKEN" -> 4;
        default -> 5;
    }).thenComparing(SetupLine::symbol);

    private SetupLines() {
    }

    /**
     * @param rows   the day's scan rows (empty when no scan ran)
     * @param setups recorded decisions by setup id
     * @param near   the day's near-breakout findings
     * @param exits  the recorded exits of a setup, as text
     */
    static List<SetupLine> of(List<ScanReport.Row> rows, Map<String, SchedulerStore.SetupRow> setups, List<NearBreakout> near,
                              Function<String, List<String>> exits) {
        List<SetupLine> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, NearBreakout> nearById = new java.util.HashMap<>();
        near.forEach(n -> nearById.put(n.setupId(), n));
        for (ScanReport.Row r : rows) {
            String id = r.setupId();
            if (id == null) continue; // a scan stored before setup ids
            seen.add(id);
            SchedulerStore.SetupRow rec = setups.get(id);
            String state;
            String reason = r.reason() == null ? r.note() : r.reason();
            String orderId = r.orderId();
            if (rec != null && "TAKEN".equals(rec.state()) && rec.orderId() != null) {
                orderId = rec.orderId();
                state = "EXITED".equals(rec.exitState()) ? "EXITED" : "ENTERED";
                reason = "EXITED".equals(rec.exitState()) ? rec.exitReason() : rec.reason();
            } else if (r.decision() != null) {
                state = r.reason() != null && r.reason().startsWith("qualified, but") ? "QUALIFIED"
                        : "TAKEN".equals(r.decision()) ? "ENTERED" : "NOT_TAKEN";
            } else {
                state = nearById.containsKey(id) || "NEAR_BREAKOUT".equals(r.state()) ? "NEAR_BREAKOUT" : "FOUND";
                NearBreakout n = nearById.get(id);
                if (n != null) reason = near(n);
            }
            SchedulerStore.Plan plan = rec == null ? null : rec.plan();
            out.add(new SetupLine(id, r.symbol(), state, r.state(), r.motherHigh(), r.motherLow(),
                    plan == null ? r.entry() : plan.entry(), plan == null ? r.stop() : plan.stop(),
                    plan == null ? r.target1() : plan.target1(), plan == null ? r.target2() : plan.target2(),
                    plan == null ? r.quantity() : plan.quantity(), orderId, reason == null ? "" : reason,
                    rec == null ? List.of() : exits.apply(id)));
        }
        for (NearBreakout n : near) {
            if (seen.contains(n.setupId())) continue;
            out.add(new SetupLine(n.setupId(), n.symbol(), "NEAR_BREAKOUT", null, n.motherHigh(), n.motherLow(), null, null, null, null,
                    null, null, near(n), List.of()));
        }
        out.sort(ORDER);
        return out;
    }

    private static String near(NearBreakout n) {
        BigDecimal trigger = "UP".equals(n.direction()) ? n.motherHigh() : n.motherLow();
        return "near breakout " + n.direction() + ": " + n.price().toPlainString() + " (" + n.priceSource().toLowerCase(java.util.Locale.ROOT)
                + ") is " + n.distancePercent().toPlainString() + " % from the trigger " + trigger.toPlainString() + ", quality " + n.quality();
    }
}
