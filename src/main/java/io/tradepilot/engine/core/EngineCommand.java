package io.tradepilot.engine.core;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.venue.ExecutionReport;

import java.time.Instant;
import java.util.Objects;

/** Everything the engine can be told, as imperative records. */
public sealed interface EngineCommand {

    /**
     * A completed bar of market data. Its prices must fit the instrument's registered price decimals
     * ({@link TradingEngine#register}; by default the tick size's decimals), else the command is refused
     * with an {@link IllegalArgumentException}.
     */
    record OnBar(Instrument instrument, Bar bar) implements EngineCommand {
        public OnBar { Objects.requireNonNull(instrument); Objects.requireNonNull(bar); }
    }

    /** Time passed (end-of-day square-off, session rules). */
    record OnTimer(Instant now) implements EngineCommand {}

    /**
     * Reads the trading-state port's release count now: the engine's own trip ({@link EngineState#TRIPPED}) is lifted
     * when the port reports a release since it ({@link io.tradepilot.engine.risk.TradingStatePort#releases()}), with a
     * {@link EngineEvent.TradingStateChanged} to RUNNING carrying {@code reason}. Changes nothing else; harmless when
     * nothing is tripped or nothing was released. The host sends it after it released a trip, so that the engine's
     * state shows it at once (an order decision would read the port anyway).
     */
    record CheckTrip(String reason) implements EngineCommand {}

    /**
     * Emergency exit: cancel every working order, close every position at market (past the risk checks). Sets no state:
     * whether new orders may follow is the trading-state port's answer, so the host engages its kill switch before it
     * sends this, and every order the engine decides on after that is refused through the port.
     */
    record Flatten(String reason) implements EngineCommand {}

    /**
     * End-of-day square-off of some symbols only (the intraday strategies' symbols): for each symbol in
     * {@code symbols} with an open position, cancel its working orders and close the position with a
     * reduce-only market order, bypassing the risk checks like {@link Flatten}. No trading state
     * changes (others keep trading). A symbol that already has a working engine order (an earlier square-off
     * or flatten still waiting for its fill) is left alone, so repeating the command is harmless.
     * <p>It also closes the door for the rest of the day: until the market-zone day of the engine clock
     * changes, an order in one of {@code symbols} (flat or not, known or not) that would not only reduce its
     * position is rejected with {@link io.tradepilot.engine.risk.RejectionCode#AFTER_SQUARE_OFF}, whoever
     * places it; exits still go out.
     */
    record SquareOff(java.util.Set<String> symbols, String reason) implements EngineCommand {
        public SquareOff {
            symbols = java.util.Set.copyOf(symbols);
            Objects.requireNonNull(reason, "reason");
        }
    }

    record PlaceOrder(OrderRequest request) implements EngineCommand {
        public PlaceOrder { Objects.requireNonNull(request); }
    }

    record CancelOrder(OrderId orderId, String reason) implements EngineCommand {
        public CancelOrder { Objects.requireNonNull(orderId); }
    }

    /**
     * Changes a working order at its venue: {@code quantity} (the new total, filled part included; not above
     * the current quantity and above what is filled: a larger order is a new order), {@code limitPrice},
     * {@code stopPrice}; null keeps the current value. The change must suit the order's type, the instrument's
     * lot and (for a venue that requires it) tick, and pass the trading state; the order must be working and
     * not waiting for a cancel. Refused as {@link EngineEvent.ModifyRejected}; applied when the venue confirms
     * ({@link EngineEvent.OrderModified}).
     */
    record ModifyOrder(OrderId orderId, io.tradepilot.engine.domain.Quantity quantity, io.tradepilot.engine.domain.Price limitPrice,
                       io.tradepilot.engine.domain.Price stopPrice, String reason) implements EngineCommand {
        public ModifyOrder { Objects.requireNonNull(orderId); }
    }

    /**
     * A venue's execution report, applied on the writer like every command: how a broker adapter that hears
     * from its broker on its own threads tells the engine (see {@link ExecutionReport}).
     */
    record VenueReport(ExecutionReport report) implements EngineCommand {
        public VenueReport { Objects.requireNonNull(report, "report"); }
    }

    /**
     * Switches a strategy's entries on or off. A disabled strategy still receives every bar; its orders
     * that would not only reduce the symbol's position are rejected with
     * {@link io.tradepilot.engine.risk.RejectionCode#STRATEGY_DISABLED}; its exits still go out.
     */
    record SetStrategyEnabled(io.tradepilot.engine.orders.StrategyId strategy, boolean enabled, String reason) implements EngineCommand {
        public SetStrategyEnabled { Objects.requireNonNull(strategy); }
    }

    /**
     * Registers {@code strategy} for bars of {@code instrument} or, when a strategy of the same id is already
     * registered there, replaces it through a {@link io.tradepilot.engine.strategy.StrategyHandover}: the old
     * instance keeps the position and the working orders it owns until the symbol is flat with nothing working;
     * the new one governs the entries after that. Working orders are left alone (neither cancelled nor changed).
     */
    record ApplyStrategy(Instrument instrument, int priceDecimals, io.tradepilot.engine.strategy.Strategy strategy,
                         String reason) implements EngineCommand {
        public ApplyStrategy {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(strategy, "strategy");
        }
    }

    /**
     * Replaces the configured pre-trade risk checks (those after the trading state, the strategy switch and the
     * square-off) and the automatic trips (null or 0: off) from the next order and the next fill on, and the entry
     * size reduction's rule when {@code sizeReduction} is not null (the losing streak so far is kept and judged by the
     * new rule: {@link io.tradepilot.engine.risk.LossStreak#setRule}). Orders already accepted are not checked again.
     */
    record SetRiskLimits(io.tradepilot.engine.risk.RiskCheck risk, java.math.BigDecimal tripDailyLoss,
                         java.math.BigDecimal tripDrawdown, int tripConsecutiveLosses,
                         io.tradepilot.engine.risk.LossSizeReduction sizeReduction, String reason) implements EngineCommand {
        public SetRiskLimits {
            Objects.requireNonNull(risk, "risk");
        }

        /** Limits and trips only: the entry size reduction keeps its rule. */
        public SetRiskLimits(io.tradepilot.engine.risk.RiskCheck risk, java.math.BigDecimal tripDailyLoss,
                             java.math.BigDecimal tripDrawdown, int tripConsecutiveLosses, String reason) {
            this(risk, tripDailyLoss, tripDrawdown, tripConsecutiveLosses, null, reason);
        }
    }

    /**
     * Sets one strategy's own entry limits (its configuration's trading hours, blackouts and max positions;
     * {@link io.tradepilot.engine.risk.StrategyLimits}) from the next order on; null or empty rules remove them.
     * Orders already accepted are not checked again; exits are never refused by them.
     */
    record SetStrategyRules(io.tradepilot.engine.orders.StrategyId strategy, io.tradepilot.engine.risk.StrategyEntryRules rules,
                            String reason) implements EngineCommand {
        public SetStrategyRules {
            Objects.requireNonNull(strategy, "strategy");
        }
    }
    /**
     * Sets the fraction of each strategy-computed entry that is sent ({@link io.tradepilot.engine.risk.EntrySizeFactor}):
     * the host's LIVE size factor, 1 outside LIVE. Only the part of a strategy's order that opens or adds to a position
     * is scaled, rounded down to whole lots; an entry that rounds to zero is not sent but rejected with
     * {@link io.tradepilot.engine.risk.RejectionCode#LIVE_SIZE_ROUNDS_TO_ZERO}. Exits, the engine's own closing orders and
     * placed orders ({@link PlaceOrder}) are never scaled. Refused (IllegalArgumentException) unless above 0 and at most 1.
     */
    record SetSizeFactor(java.math.BigDecimal factor, String reason) implements EngineCommand {
        public SetSizeFactor {
            Objects.requireNonNull(factor, "factor");
            if (factor.signum() <= 0 || factor.compareTo(java.math.BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("a size factor is above 0 and at most 1, not " + factor.toPlainString());
            }
        }
    }

    /**
     * Books a position the engine did not trade (reconciliation adopting the broker's): {@code quantity} (signed, not
     * zero) of {@code instrument} at {@code price}, as an order of its own ({@code reconciliation:...} client order id,
     * strategy {@link io.tradepilot.engine.orders.StrategyId#RECONCILIATION}) that fills at once, without a venue and
     * without commission. Published as {@link EngineEvent.PositionAdopted} followed by the usual
     * {@link EngineEvent.OrderFilled}, {@link EngineEvent.PositionChanged} (and {@link EngineEvent.TradeClosed} when it
     * reduces a position), so the ledger records an order and a fill that a restart replays like any other.
     */
    record AdoptPosition(Instrument instrument, java.math.BigDecimal quantity, java.math.BigDecimal price, String reason)
            implements EngineCommand {
        public AdoptPosition {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(price, "price");
            if (quantity.signum() == 0) throw new IllegalArgumentException("nothing to adopt: quantity 0");
            if (price.signum() <= 0) throw new IllegalArgumentException("an adopted position needs a price above 0, not " + price.toPlainString());
        }
    }

    /**
     * Closes a difference at the venue: the venue holds {@code difference} (signed, not zero: venue − engine) more of
     * {@code instrument} than the engine. The engine books the difference at {@code price} (the venue's average price;
     * null when the venue holds none: the engine's own average price) as {@link AdoptPosition} does, then places a
     * market order for the opposite of it (strategy {@link io.tradepilot.engine.orders.StrategyId#RECONCILIATION},
     * a client order id derived from the engine time, past the risk checks like {@link Flatten}) that goes to the venue
     * like every order (written ahead by a host that records orders before they leave) and whose fills are applied like
     * any other. Once it fills the venue holds what the engine held before, and so does the engine.
     */
    record CloseAtBroker(Instrument instrument, java.math.BigDecimal difference, java.math.BigDecimal price, String reason)
            implements EngineCommand {
        public CloseAtBroker {
            Objects.requireNonNull(instrument, "instrument");
            if (difference.signum() == 0) throw new IllegalArgumentException("nothing to close: difference 0");
            if (price != null && price.signum() <= 0) throw new IllegalArgumentException("a price above 0 or none, not " + price.toPlainString());
        }
    }
}
