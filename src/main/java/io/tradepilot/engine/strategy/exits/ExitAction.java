package io.tradepilot.engine.strategy.exits;

import java.math.BigDecimal;

/** A decision of an {@link ExitPolicy} at a bar's close. */
public sealed interface ExitAction {
    /** The rule that decided, e.g. {@code stop}, {@code book25}, {@code breakeven}. */
    String rule();

    /** Close the whole remaining position at market (next bar's open in a backtest). */
    record ExitAll(String rule) implements ExitAction {
    }

    /** Close {@code quantity} units at market; the manager caps it at what remains. */
    record ExitPart(BigDecimal quantity, String rule) implements ExitAction {
    }

    /** Move the protective stop to {@code price}; the manager ignores a move that loosens the stop. */
    record MoveStop(BigDecimal price, String rule) implements ExitAction {
    }

    /** Tell the operator; changes nothing. */
    record Alert(String rule, String message) implements ExitAction {
    }
}
