package io.tradepilot.controls;

import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A trading-mode change that was not made; over REST the problem detail of its {@link Refusal} ({@link RefusalProblems}). */
public final class TradingModeRefusal extends ErrorResponseException {

    private final Refusal refusal;

    public TradingModeRefusal(Refusal refusal) {
        super(RefusalProblems.status(refusal), problem(refusal), null);
        this.refusal = refusal;
    }

    private static ProblemDetail problem(Refusal refusal) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(RefusalProblems.status(refusal), refusal.message());
        p.setProperty("code", refusal.code().name());
        return p;
    }

    public Refusal refusal() {
        return refusal;
    }

    public RefusalCode code() {
        return refusal.code();
    }

    @Override
    public String getMessage() {
        return refusal.message();
    }
}
