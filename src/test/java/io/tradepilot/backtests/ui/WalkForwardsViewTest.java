package io.tradepilot.backtests.ui;

import io.tradepilot.backtests.BacktestMode;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.Backtests;
import io.tradepilot.backtests.WalkForwardInfo;
import io.tradepilot.backtests.WalkForwardReport;
import io.tradepilot.backtests.WalkForwardRequest;
import io.tradepilot.backtests.WalkForwards;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walk-forward form: a field per parameter of the chosen strategy, the window sizes, rolling or anchored and the
 * objective read into a request (independent runs, the mode hidden); a refusal shows on the field it names; a viewer
 * gets no form.
 */
class WalkForwardsViewTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String role) {
        var user = new TestingAuthenticationToken("u", null, "ROLE_" + role);
        user.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(user);
    }

    @Test
    void an_operator_fills_the_form_and_a_refusal_shows_on_the_field_it_names() {
        signIn("OPERATOR");
        AtomicReference<WalkForwardRequest> submitted = new AtomicReference<>();
        var stored = new Backtests.StoredConfiguration("sma", 2, "sma-cross", List.of("AAA"), "type: sma-cross\n");
        WalkForwardsView view = new WalkForwardsView(walkForwards(submitted, BacktestRefusal.badParameter("isBars", "AAA has 500 bars")),
                SweepsViewTest.sweeps(new AtomicReference<>()), SweepsViewTest.backtests(List.of(stored)));
        assertThat(view.form.mode.isVisible()).as("walk-forwards run each symbol on its own").isFalse();
        assertThat(view.strategy.getValue()).isEqualTo("sma-cross");
        assertThat(view.ranges.keySet()).containsExactly("fast", "slow");
        view.ranges.get("fast").setValue("5:20:5");
        view.ranges.get("slow").setValue(" 30,50 ");
        view.isBars.setValue(150);
        view.oosBars.setValue(40);
        view.windowing.setValue(WalkForwardsView.ANCHORED);
        view.metric.setValue("total_return");
        view.submit();
        WalkForwardRequest r = submitted.get();
        assertThat(r.parameters()).isEqualTo(Map.of("fast", "5:20:5", "slow", "30,50"));
        assertThat(r.isBars()).isEqualTo(150);
        assertThat(r.oosBars()).isEqualTo(40);
        assertThat(r.anchored()).isTrue();
        assertThat(r.metric()).isEqualTo("total_return");
        assertThat(r.run().configKey()).isEqualTo("sma");
        assertThat(r.run().mode()).isEqualTo(BacktestMode.INDEPENDENT);
        assertThat(view.isBars.isInvalid()).isTrue();
        assertThat(view.isBars.getErrorMessage()).isEqualTo("AAA has 500 bars");
    }

    @Test
    void a_viewer_gets_the_list_but_no_form() {
        signIn("VIEWER");
        WalkForwardsView view = new WalkForwardsView(walkForwards(new AtomicReference<>(), null), SweepsViewTest.sweeps(new AtomicReference<>()),
                SweepsViewTest.backtests(List.of()));
        assertThat(view.form).isNull();
        assertThat(view.grid.getId()).hasValue("walkforwards-grid");
    }

    private static WalkForwards walkForwards(AtomicReference<WalkForwardRequest> submitted, BacktestRefusal refusal) {
        return new WalkForwards() {
            @Override
            public WalkForwardInfo submit(WalkForwardRequest request) {
                submitted.set(request);
                throw refusal;
            }

            @Override
            public List<WalkForwardInfo> walkForwards(int limit) {
                return List.of();
            }

            @Override
            public WalkForwardInfo walkForward(long id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public WalkForwardInfo cancel(long id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public WalkForwardReport report(long id) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
