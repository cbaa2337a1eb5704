package io.tradepilot.controls.internal;

import io.tradepilot.controls.ControlAction;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names the control action a service method performs, so that a denial by method security is audited as that action. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditedAs {
    ControlAction value();
}
