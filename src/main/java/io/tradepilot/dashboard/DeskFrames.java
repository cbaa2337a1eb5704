package io.tradepilot.dashboard;

import io.tradepilot.base.format.Amounts;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.Session;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.EquityPoint;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.TradingQueries;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link DeskFrame}s from {@link TradingQueries} (read-only), the exchange calendars and the
 * injected clock. The engine's live portfolio is used when this instance runs the engine; otherwise the
 * ledger's positions and last equity point, with a notice saying so.
 */
public final class DeskFrames {

    /** Equity points loaded per frame (the curve and the daily P&amp;L come from them). */
    static final int EQUITY_POINTS = 1000;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_HM = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH);

    private final TradingQueries queries;
    private final Clock clock;
    private final String currency;
    private final ZoneId marketZone;
    private final List<ExchangeCalendar> calendars;

    public DeskFrames(TradingQueries queries, Clock clock, String currency, ZoneId marketZone,
                      List<ExchangeCalendar> calendars) {
        this.queries = queries;
        this.clock = clock;
        this.currency = currency;
        this.marketZone = marketZone;
        this.calendars = List.copyOf(calendars);
    }

    /** The frame now. Throws when the ledger cannot be read (the feed keeps the last frame). */
    public DeskFrame build() {
        EngineStatus status = queries.status();
        Optional<LivePortfolio> live = queries.portfolio();
        List<EquityPoint> curve = queries.equity(EQUITY_POINTS);
        List<DeskFrame.Market> markets = calendars.stream().map(c -> market(c, clock.instant())).toList();
        List<DeskFrame.DayPnl> daily = dailyPnl(curve, marketZone);
        if (live.isPresent()) {
            LivePortfolio p = live.get();
            BigDecimal room = p.dailyLossLimit() == null ? null
                    : p.dailyLossLimit().multiply(p.dayStartEquity()).add(p.dayPnl());
            List<DeskFrame.Position> positions = p.positions().stream().map(x -> new DeskFrame.Position(x.symbol(),
                    x.quantity(), x.averagePrice(), x.mark(), x.unrealizedPnl(), x.realizedPnl())).toList();
            String standby = p.fromEngine() ? null : "STANDBY: another instance runs the engine. Positions are the ledger's, "
                    + "marked at the bar cache's closes" + (p.marksAt() == null ? "" : " (as of " + p.marksAt() + ")")
                    + "; open risk is not known here.";
            return new DeskFrame("PAPER", currency, status.role(), p.engineState(), p.stateReason(), p.marketTime(),
                    status.barsProcessed(), p.fromEngine(), standby, markets, p.equity(), p.cash(), p.dayStartEquity(), p.dayPnl(),
                    p.realizedPnl(), p.unrealizedPnl(), p.drawdown(), p.grossExposure(), p.openRisk(),
                    Amounts.ratio(p.openRisk(), p.equity()), p.dailyLossLimit(), room,
                    Amounts.ratio(room, p.dayStartEquity()), p.workingOrders(), positions, curve, daily);
        }
        String notice = switch (status.role()) {
            case "STANDBY" -> "STANDBY: another instance runs the engine. This page shows the ledger (no live marks, "
                    + "unrealized P&L or open risk).";
            case "RECOVERING" -> "RECOVERING: the database did not answer, so the engine stopped (no orders go out). It starts "
                    + "again from the ledger by itself once this instance holds the leader lock again.";
            default -> "The engine is not running on this instance. This page shows the ledger (no live marks, "
                    + "unrealized P&L or open risk).";
        };
        EquityPoint last = curve.isEmpty() ? null : curve.getLast();
        List<DeskFrame.Position> positions = queries.openPositions().stream().map(x -> new DeskFrame.Position(
                x.symbol(), x.quantity(), x.averagePrice(), null, null, x.realizedPnl())).toList();
        int working = queries.orders(true, 1000).size();
        BigDecimal dayPnl = last == null || last.dayStartEquity() == null ? null : last.equity().subtract(last.dayStartEquity());
        return new DeskFrame("PAPER", currency, status.role(), status.engineState(), null, status.marketTime(),
                status.barsProcessed(), false, notice, markets, last == null ? null : last.equity(),
                last == null ? null : last.cash(), last == null ? null : last.dayStartEquity(), dayPnl,
                last == null ? null : last.realizedPnl(), last == null ? null : last.unrealizedPnl(),
                last == null ? null : last.drawdown(), null, null, null, null, null, null, working, positions, curve, daily);
    }

    /** Each trading day's (in {@code zone}) last equity minus its starting equity, oldest first. */
    static List<DeskFrame.DayPnl> dailyPnl(List<EquityPoint> curve, ZoneId zone) {
        Map<LocalDate, EquityPoint> lastOfDay = new LinkedHashMap<>();
        for (EquityPoint p : curve) {
            lastOfDay.put(p.at().atZone(zone).toLocalDate(), p);
        }
        List<DeskFrame.DayPnl> days = new ArrayList<>();
        lastOfDay.forEach((day, p) -> {
            if (p.dayStartEquity() != null) days.add(new DeskFrame.DayPnl(day, p.equity().subtract(p.dayStartEquity())));
        });
        return days;
    }

    /** One exchange's session at {@code now}: open or closed, why, and the next open and close. */
    static DeskFrame.Market market(ExchangeCalendar calendar, Instant now) {
        ZoneId zone = calendar.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        Session session = calendar.currentOrNextSession(now);
        String zoneName = zone.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
        String early = session.earlyClose()
                ? " Early close " + HM.format(session.close()) + calendar.earlyCloseReason(session.date())
                        .filter(r -> !r.isBlank()).map(r -> " (" + r + ")").orElse("") + "."
                : "";
        String coverage = calendar.covers(today) ? ""
                : " (the holiday calendar does not cover " + today.getYear() + ": holidays unknown)";
        if (session.contains(now)) {
            return new DeskFrame.Market(calendar.exchange(), zone.getId(), true,
                    "Open until " + HM.format(session.close()) + " " + zoneName + "." + early + coverage,
                    null, session.close());
        }
        String why;
        Optional<String> holiday = calendar.holiday(today);
        if (holiday.isPresent()) {
            why = "Closed: holiday (" + holiday.get() + ").";
        } else if (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY) {
            why = "Closed: weekend.";
        } else if (session.date().equals(today)) {
            why = "Closed: before the open.";
        } else {
            why = "Closed: after the close.";
        }
        return new DeskFrame.Market(calendar.exchange(), zone.getId(), false,
                why + " Opens " + DAY_HM.format(session.open()) + " " + zoneName + "." + early + coverage,
                session.open(), session.close());
    }
}
