package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.base.PeriodicTask;
import io.tradepilot.trading.LivePortfolio;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the engine's live portfolio (on the instance that runs it; elsewhere there is none) every {@code poll}:
 * <ul>
 *   <li>{@link AlertRule#DAILY_LOSS_WARNING} once per market day (source id {@code daily-loss:<UTC date of the market
 *       time>}) when the day's loss reaches {@code dailyLossWarning} × the daily loss limit × the day's starting
 *       equity — a warning before the limit trips the breaker ({@code DAILY_LOSS_TRIPPED});</li>
 *   <li>{@link AlertRule#OPEN_RISK_HIGH} when open risk ÷ equity exceeds {@code openRiskWarning}; no source id:
 *       the rule's de-duplication window (30 min by default) keeps it from repeating while the risk stays high.</li>
 * </ul>
 * A threshold of 0 (or a portfolio without a daily loss limit) switches its check off. Amounts are exact decimals.
 */
final class RiskAlerts extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(RiskAlerts.class);

    private final Supplier<Optional<LivePortfolio>> portfolio;
    private final Alerts alerts;
    private final BigDecimal dailyLossWarning;
    private final BigDecimal openRiskWarning;

    RiskAlerts(Supplier<Optional<LivePortfolio>> portfolio, Alerts alerts, BigDecimal dailyLossWarning,
               BigDecimal openRiskWarning, Duration poll) {
        super("alerts-risk", poll);
        this.portfolio = portfolio;
        this.alerts = alerts;
        this.dailyLossWarning = dailyLossWarning;
        this.openRiskWarning = openRiskWarning;
    }

    @Override
    protected void poll() {
        check();
    }

    /** Looks at the live portfolio once and raises what it warrants. */
    void check() {
        try {
            portfolio.get().ifPresent(p -> {
                dailyLoss(p);
                openRisk(p);
            });
        } catch (RuntimeException e) {
            log.warn("The live portfolio could not be checked for risk alerts ({})", e.getClass().getSimpleName());
        }
    }

    private void dailyLoss(LivePortfolio p) {
        if (dailyLossWarning.signum() <= 0 || p.dailyLossLimit() == null || p.dayStartEquity() == null || p.dayPnl() == null
                || p.marketTime() == null || p.dayPnl().signum() >= 0) return;
        BigDecimal limit = p.dailyLossLimit().multiply(p.dayStartEquity());
        BigDecimal loss = p.dayPnl().negate();
        if (limit.signum() <= 0 || loss.compareTo(limit.multiply(dailyLossWarning)) < 0) return;
        String day = p.marketTime().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        alerts.raise(AlertRule.DAILY_LOSS_WARNING, "daily-loss", "daily-loss:" + day,
                "Daily loss at " + percent(loss.divide(limit, MathContext.DECIMAL64)) + " of the limit",
                "Day P&L " + p.dayPnl().toPlainString() + " against a daily loss limit of " + limit.stripTrailingZeros().toPlainString()
                        + " (" + percent(p.dailyLossLimit()) + " of the day's starting equity " + p.dayStartEquity().toPlainString()
                        + "); the warning is at " + percent(dailyLossWarning) + " of the limit.");
    }

    private void openRisk(LivePortfolio p) {
        if (openRiskWarning.signum() <= 0 || p.openRisk() == null || p.equity() == null || p.equity().signum() <= 0) return;
        BigDecimal heat = p.openRisk().divide(p.equity(), MathContext.DECIMAL64);
        if (heat.compareTo(openRiskWarning) <= 0) return;
        alerts.raise(AlertRule.OPEN_RISK_HIGH, "open-risk", null, "Open risk " + percent(heat) + " of equity",
                "Open risk " + p.openRisk().toPlainString() + " on equity " + p.equity().toPlainString() + " ("
                        + p.positions().size() + " positions); the warning is above " + percent(openRiskWarning) + ".");
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }
}
