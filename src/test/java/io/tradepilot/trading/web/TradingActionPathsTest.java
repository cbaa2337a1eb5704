package io.tradepilot.trading.web;

import io.tradepilot.trading.TradingAction;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TradingActionPathsTest {

    @Test
    void every_action_path_names_its_action_and_target_and_read_paths_are_not_actions() {
        assertThat(TradingActionPaths.match("/api/v1/orders/O17/cancel")).isEqualTo(Map.entry(TradingAction.CANCEL_ORDER, "O17"));
        assertThat(TradingActionPaths.match("/api/v1/orders/cancel-all")).isEqualTo(Map.entry(TradingAction.CANCEL_ALL, "all"));
        assertThat(TradingActionPaths.match("/api/v1/positions/SYNTH-ALPHA/close"))
                .isEqualTo(Map.entry(TradingAction.CLOSE_POSITION, "SYNTH-ALPHA"));
        assertThat(TradingActionPaths.match("/api/v1/flatten")).isEqualTo(Map.entry(TradingAction.FLATTEN_ALL, "all"));
        assertThat(TradingActionPaths.match("/api/v1/orders")).isEqualTo(Map.entry(TradingAction.MANUAL_ORDER, "all"));
        assertThat(TradingActionPaths.match("/api/v1/orders/preview")).isEqualTo(Map.entry(TradingAction.MANUAL_ORDER, "preview"));
        assertThat(TradingActionPaths.match("/api/v1/strategies/sma-cross/deactivate"))
                .isEqualTo(Map.entry(TradingAction.DEACTIVATE_STRATEGY, "sma-cross"));
        assertThat(TradingActionPaths.match("/api/v1/strategies/sma-cross/activate"))
                .isEqualTo(Map.entry(TradingAction.ACTIVATE_STRATEGY, "sma-cross"));
        assertThat(TradingActionPaths.match("/api/v1/positions")).isNull();
        assertThat(TradingActionPaths.match("/api/v1/kill-switch/engage")).isNull();
    }
}
