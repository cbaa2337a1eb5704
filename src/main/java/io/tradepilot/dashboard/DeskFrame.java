package io.tradepilot.dashboard;

import io.tradepilot.trading.EquityPoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Everything the dashboard shows of live trading at one moment, built by {@link DeskFrames} and pushed
 * by {@link DeskFeed} when it changes. Amounts are exact; fractions are ratios (0.01 = 1 %). Figures the
 * instance cannot know (marks, open risk on a standby) are null.
 *
 * @param mode          the trading mode (always {@code PAPER}: live trading is not offered)
 * @param role          LEADER, STANDBY or STOPPED (see {@link io.tradepilot.trading.EngineStatus})
 * @param engineState   the engine state shown: TRIPPED (its own trip), KILLED (the controls' kill switch), RUNNING (null unless this instance runs it)
 * @param stateReason   why the engine is not RUNNING (null when it is, or unknown)
 * @param marketTime    the engine clock (the bars being processed), null before the first bar
 * @param live          whether the figures come from the engine's portfolio (false: the ledger's, e.g. a standby)
 * @param notice        what a person must know about where the figures come from (null when live)
 * @param markets       each exchange's session now (wall clock)
 * @param heat          open risk ÷ equity
 * @param lossRoom      how much more may be lost today before the daily loss limit: limit × day-start equity + day P&amp;L
 * @param lossRoomShare {@code lossRoom} ÷ day-start equity
 * @param positions     open positions
 * @param equity        equity points, oldest first
 * @param dailyPnl      P&amp;L per trading day of the equity window, oldest first
 */
public record DeskFrame(String mode, String currency, String role, String engineState, String stateReason,
                        Instant marketTime, long barsProcessed, boolean live, String notice, List<Market> markets,
                        BigDecimal equity, BigDecimal cash, BigDecimal dayStartEquity, BigDecimal dayPnl,
                        BigDecimal realizedPnl, BigDecimal unrealizedPnl, BigDecimal drawdown, BigDecimal grossExposure,
                        BigDecimal openRisk, BigDecimal heat, BigDecimal dailyLossLimit, BigDecimal lossRoom,
                        BigDecimal lossRoomShare, int workingOrders, List<Position> positions, List<EquityPoint> equityCurve,
                        List<DayPnl> dailyPnl) {

    public DeskFrame {
        markets = List.copyOf(markets);
        positions = List.copyOf(positions);
        equityCurve = List.copyOf(equityCurve);
        dailyPnl = List.copyOf(dailyPnl);
    }

    /**
     * One exchange now.
     *
     * @param open      whether a session is in progress
     * @param detail    for people: "Open until 15:30 IST", "Closed: Diwali Laxmi Pujan", "Early close 13:00 (Day after Thanksgiving)"
     * @param nextOpen  the next session's open (null while open)
     * @param nextClose the current (or next) session's close
     */
    public record Market(String exchange, String zone, boolean open, String detail, ZonedDateTime nextOpen,
                         ZonedDateTime nextClose) {
    }

    /** One open position; {@code mark} and {@code unrealizedPnl} null when only the ledger is known. */
    public record Position(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal mark,
                           BigDecimal unrealizedPnl, BigDecimal realizedPnl) {
    }

    /** The P&amp;L of one trading day: its last equity minus its starting equity. */
    public record DayPnl(LocalDate day, BigDecimal pnl) {
    }
}
