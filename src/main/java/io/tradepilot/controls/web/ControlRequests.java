package io.tradepilot.controls.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** The JSON bodies the control endpoints accept. Lengths beyond the rules are refused by the rules themselves (422, audited). */
final class ControlRequests {

    static final int MAX_TEXT = 2000;

    private ControlRequests() {
    }

    @Schema(description = "Pause or resume trading; the reason is optional")
    record PauseRequest(@Size(max = MAX_TEXT) String reason) {
    }

    @Schema(description = "Engage the kill switch: a reason of at least 10 characters")
    record EngageRequest(@Size(max = MAX_TEXT) String reason) {
    }

    @Schema(description = "Disengage the kill switch (admin): notes, and confirm must be the word CONFIRM")
    record DisengageRequest(@JsonAlias("reason") @Size(max = MAX_TEXT) String notes,
                            @JsonAlias("confirmation") @Size(max = 100) String confirm) {
    }

    @Schema(description = "Trip the circuit breaker: reason is DAILY_LOSS_EXCEEDED, MAX_DRAWDOWN, DATA_STALE, "
            + "BROKER_ERRORS, MANUAL, or free text (taken as MANUAL); detail is optional free text")
    record TripRequest(@Size(max = MAX_TEXT) String reason, @Size(max = MAX_TEXT) String detail) {
    }

    @Schema(description = "Reset the circuit breaker: a reason of at least 20 characters and acknowledge = true")
    record ResetRequest(@Size(max = MAX_TEXT) String reason, @JsonAlias("acknowledged") Boolean acknowledge) {
    }
}
