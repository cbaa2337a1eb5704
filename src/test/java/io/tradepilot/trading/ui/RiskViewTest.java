package io.tradepilot.trading.ui;

import io.tradepilot.base.live.LiveFeed;
import io.tradepilot.trading.RiskFigures;
import io.tradepilot.trading.RiskRejection;
import io.tradepilot.trading.RiskRoom;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk view: limits with their room when the engine runs here, refusals always. */
class RiskViewTest {

    private static final RiskRejection REFUSED = new RiskRejection(Instant.parse("2025-01-06T09:50:00Z"), "sma-cross:BBB:1",
            "MAX_OPEN_POSITIONS", "BBB: 1 positions open, the maximum is 1");

    private static RiskView view(RiskRoom room) {
        RiskFigures figures = new RiskFigures() {
            @Override public Optional<RiskRoom> room() { return Optional.ofNullable(room); }
            @Override public List<RiskRejection> rejections(int limit) { return List.of(REFUSED); }
        };
        return new RiskView(figures, new LiveFeed<>("test-risk", () -> RiskBoard.read(figures), Duration.ofSeconds(1)));
    }

    @Test
    void with_an_engine_each_limit_shows_used_cap_room_and_its_code_and_refusals_show_code_and_reason() {
        var heat = new RiskRoom.Limit("Portfolio heat", "PORTFOLIO_HEAT", RiskRoom.Unit.MONEY, new BigDecimal("105000"),
                new BigDecimal("500000"), "1 position without a stop, counted at full value");
        var positions = new RiskRoom.Limit("Open positions", "MAX_OPEN_POSITIONS", RiskRoom.Unit.COUNT, new BigDecimal("3"), new BigDecimal("3"), "");
        RiskView v = view(new RiskRoom(Instant.parse("2025-01-06T05:30:00Z"), "INR", List.of(heat, positions)));

        assertThat(v.limits.isVisible()).isTrue();
        assertThat(v.noEngine.isVisible()).isFalse();
        assertThat(v.limits.getGenericDataView().getItems().toList()).containsExactly(heat, positions);
        assertThat(positions.left()).isZero();
        assertThat(heat.left()).isEqualByComparingTo("395000");
        assertThat(RiskView.usage(heat)).isEqualTo("21.00 %");
        assertThat(RiskView.usage(positions)).isEqualTo("full");
        assertThat(v.rejections.getGenericDataView().getItems().toList()).singleElement()
                .satisfies(r -> assertThat(r.code() + " " + r.reason()).isEqualTo("MAX_OPEN_POSITIONS BBB: 1 positions open, the maximum is 1"));
    }

    @Test
    void a_standby_shows_the_ledgers_refusals_only() {
        RiskView v = view(null);
        assertThat(v.limits.isVisible()).isFalse();
        assertThat(v.noEngine.isVisible()).isTrue();
        assertThat(v.rejections.getGenericDataView().getItems().toList()).containsExactly(REFUSED);
    }
}
