package io.tradepilot.engine.risk;

import java.util.Objects;

/** A risk check's answer: {@link Approval} or {@link Rejection}. */
public sealed interface RiskDecision {

    Approval APPROVED = new Approval();

    record Approval() implements RiskDecision {}

    /** A refusal with a stable reason code and a human message naming the numbers involved. */
    record Rejection(RejectionCode code, String message) implements RiskDecision {
        public Rejection {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    default boolean approved() {
        return this instanceof Approval;
    }

    static Rejection reject(RejectionCode code, String message) {
        return new Rejection(code, message);
    }
}
