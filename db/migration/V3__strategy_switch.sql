-- Strategy switches (io.tradepilot.trading.StrategyControls): whether a configured strategy may open
-- positions. A deactivated strategy still sees every bar and its exits still go out; its entries are
-- refused. A strategy without a row is active. Applied by the engine host when it starts.
CREATE TABLE strategy_switch (
    strategy_id VARCHAR(64)   PRIMARY KEY,
    enabled     BOOLEAN       NOT NULL,
    changed_by  VARCHAR(100)  NOT NULL,
    reason      VARCHAR(2000),
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
