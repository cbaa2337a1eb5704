package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.Session;
import io.tradepilot.scheduler.internal.TradingDaysCalendar.Days;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns a {@link JobSpec} into Quartz cron triggers in the exchange's time zone, each with a
 * {@link TradingDaysCalendar} that keeps only the days it is meant for. A job at a fixed time gets one
 * trigger on all trading days; a close-relative job (square-off, end-of-day report) gets one trigger for
 * the regular-close days and one per early-close time (NYSE 13:00), each at that day's own time. Pure: the
 * days it inspects start at {@code today}.
 */
public final class TriggerPlanner {

    /** How far ahead early-close times are collected (the data files cover a few years at most). */
    static final int HORIZON_DAYS = 3 * 366;

    /** One trigger to register. {@code id} is unique within the job. */
    public record PlannedTrigger(String id, String cron, String calendarName, TradingDaysCalendar calendar) {
    }

    private TriggerPlanner() {
    }

    public static List<PlannedTrigger> plan(JobSpec job, ExchangeCalendar calendar, LocalDate today) {
        Session regular = regularSession(calendar, today);
        List<PlannedTrigger> out = new ArrayList<>();
        String ex = calendar.exchange();
        switch (job.schedule()) {
            case JobSpec.Hourly h -> {
                LocalTime open = regular.open().toLocalTime();
                LocalTime close = regular.close().toLocalTime();
                int first = open.getHour() + 1;
                int last = first;
                while (open.withHour(last + 1).isBefore(close)) last++;
                String cron = "0 " + open.getMinute() + " " + first + "-" + last + " ? * MON-FRI";
                out.add(new PlannedTrigger("hourly", cron, ex + "-trading-days", new TradingDaysCalendar(calendar, Days.ALL, null)));
            }
            case JobSpec.Daily d -> {
                LocalTime time = d.time().on(calendar, regular.date()).orElseThrow();
                if (!d.time().closeRelative()) {
                    out.add(new PlannedTrigger("daily", cron(time), ex + "-trading-days", new TradingDaysCalendar(calendar, Days.ALL, null)));
                    break;
                }
                out.add(new PlannedTrigger("regular", cron(time), ex + "-regular-close-days", new TradingDaysCalendar(calendar, Days.REGULAR_CLOSE, null)));
                for (LocalTime early : earlyCloses(calendar, today)) {
                    LocalDate sample = firstEarlyClose(calendar, today, early);
                    LocalTime t = d.time().on(calendar, sample).orElseThrow();
                    String tag = early.toString().replace(":", "");
                    out.add(new PlannedTrigger("early-" + tag, cron(t), ex + "-early-close-" + tag,
                            new TradingDaysCalendar(calendar, Days.EARLY_CLOSE_AT, early)));
                }
            }
        }
        return out;
    }

    static String cron(LocalTime t) {
        if (t.getSecond() != 0 || t.getNano() != 0) throw new IllegalArgumentException("job times are whole minutes: " + t);
        return "0 " + t.getMinute() + " " + t.getHour() + " ? * MON-FRI";
    }

    /** A session with the regular close, from {@code today} on. */
    static Session regularSession(ExchangeCalendar calendar, LocalDate today) {
        for (LocalDate d = today; d.isBefore(today.plusDays(60)); d = d.plusDays(1)) {
            Optional<Session> s = calendar.session(d);
            if (s.isPresent() && !s.get().earlyClose()) return s.get();
        }
        throw new IllegalStateException(calendar.exchange() + ": no regular session within 60 days of " + today);
    }

    static TreeSet<LocalTime> earlyCloses(ExchangeCalendar calendar, LocalDate today) {
        TreeSet<LocalTime> out = new TreeSet<>();
        for (LocalDate d = today; d.isBefore(today.plusDays(HORIZON_DAYS)); d = d.plusDays(1)) {
            calendar.session(d).filter(Session::earlyClose).ifPresent(s -> out.add(s.close().toLocalTime()));
        }
        return out;
    }

    private static LocalDate firstEarlyClose(ExchangeCalendar calendar, LocalDate today, LocalTime close) {
        for (LocalDate d = today; ; d = d.plusDays(1)) {
            Optional<Session> s = calendar.session(d);
            if (s.isPresent() && s.get().earlyClose() && s.get().close().toLocalTime().equals(close)) return d;
        }
    }
}
