package io.tradepilot.controls.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.controls.Refusal;
import io.tradepilot.controls.RefusalCode;
import io.tradepilot.controls.TradingMode;
import io.tradepilot.controls.TradingModeRefusal;
import io.tradepilot.controls.TradingModeState;
import io.tradepilot.controls.TradingModes;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The Trading mode page without a browser: a refused switch to LIVE shows the service's reason and code, and stays PAPER. */
class TradingModeViewTest {

    private final TradingModeState paper = new TradingModeState(TradingMode.PAPER, BigDecimal.ONE, "system", Instant.EPOCH, null);
    private String typed;

    private final TradingModes modes = new TradingModes() {
        public TradingModeState current() {
            return paper;
        }

        public TradingModeState switchToLive(String confirmation, String reason) {
            typed = confirmation;
            throw new TradingModeRefusal(new Refusal(RefusalCode.PREFLIGHT_NOT_COMPLETE,
                    "LIVE needs today's pre-flight: the pre-flight for 2026-12-07 is not complete (Runbook → Pre-flight)."));
        }

        public TradingModeState dropToPaper(String reason) {
            throw new UnsupportedOperationException();
        }

        public TradingModeState raiseSizeFactor(String reason) {
            throw new UnsupportedOperationException();
        }
    };

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_switch_to_live_refused_for_the_preflight_shows_why_with_its_code() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("olga", "x", "ROLE_ADMIN"));
        TradingModeView view = new TradingModeView(modes);
        view.confirmation.setValue(TradingModes.CONFIRMATION);

        view.live.click();

        assertThat(typed).isEqualTo(TradingModes.CONFIRMATION);
        assertThat(view.outcome.getText()).isEqualTo("LIVE needs today's pre-flight: the pre-flight for 2026-12-07 is not complete"
                + " (Runbook → Pre-flight). (PREFLIGHT_NOT_COMPLETE)");
        assertThat(view.state.getText()).startsWith("PAPER");
        assertThat(view.live.isEnabled()).isTrue();
    }
}
