package io.tradepilot.trading.internal;

import io.tradepilot.trading.TradingAction;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the trading action a service method performs, so that a denial by method security is audited as
 * that action ({@link TradingDeniedHandler}), with the target and reason taken from the arguments.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface TradingAuditedAs {
    TradingAction value();

    /** Index of the argument naming the target; -1: {@link #target()}. */
    int targetArgument() default -1;

    /** The target when no argument names it. */
    String target() default "all";

    /** Index of the argument holding the reason; -1: none. */
    int reasonArgument() default -1;
}
