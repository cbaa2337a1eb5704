-- Portfolio backtests in the backtests module (docs/backtests.md): a run is either independent single-symbol runs
-- (mode INDEPENDENT, as before) or one account over all its symbols (mode PORTFOLIO: shared cash on one engine under
-- the live risk chain's account limits). A portfolio's account figures go into backtest_symbol under the name
-- '(account)' and its equity into backtest_equity under the same name; what is account-only is below.

ALTER TABLE backtest_run ADD COLUMN mode VARCHAR(12) NOT NULL DEFAULT 'INDEPENDENT';   -- INDEPENDENT, PORTFOLIO
ALTER TABLE backtest_run ADD COLUMN max_positions INTEGER;                              -- PORTFOLIO: 0 = no limit
ALTER TABLE backtest_run ADD COLUMN heat_cap NUMERIC;                                   -- PORTFOLIO: null = off
ALTER TABLE backtest_run ADD COLUMN buying_power BOOLEAN NOT NULL DEFAULT FALSE;        -- PORTFOLIO: cash checked
ALTER TABLE backtest_run ADD COLUMN open_pnl_net NUMERIC;                               -- PORTFOLIO result
ALTER TABLE backtest_run ADD COLUMN reconciliation_difference NUMERIC;
ALTER TABLE backtest_run ADD COLUMN min_cash NUMERIC;
ALTER TABLE backtest_run ADD COLUMN max_open_positions INTEGER;

-- Orders the portfolio's risk chain refused, per reason (RejectionCode).
CREATE TABLE backtest_refusal (
    run_id   BIGINT      NOT NULL REFERENCES backtest_run (run_id) ON DELETE CASCADE,
    reason   VARCHAR(64) NOT NULL,
    orders   BIGINT      NOT NULL,
    PRIMARY KEY (run_id, reason)
);

-- Each symbol's share of a portfolio's result, and the data it ran on. The contributions add up to final equity
-- minus the initial cash.
CREATE TABLE backtest_contribution (
    run_id            BIGINT       NOT NULL REFERENCES backtest_run (run_id) ON DELETE CASCADE,
    symbol            VARCHAR(64)  NOT NULL,
    bars              INTEGER      NOT NULL,
    first_bar         TIMESTAMP WITH TIME ZONE,
    last_bar          TIMESTAMP WITH TIME ZONE,
    data_sha256       VARCHAR(64)  NOT NULL,
    trades            INTEGER      NOT NULL,
    trades_pnl_gross  NUMERIC      NOT NULL,
    trades_fees       NUMERIC      NOT NULL,
    trades_pnl_net    NUMERIC      NOT NULL,
    open_quantity     NUMERIC      NOT NULL,
    open_pnl_net      NUMERIC      NOT NULL,
    contribution      NUMERIC      NOT NULL,
    refusals          BIGINT       NOT NULL,
    PRIMARY KEY (run_id, symbol)
);
