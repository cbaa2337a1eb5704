-- A portfolio backtest's MIS leverage and correlation groups (docs/backtests.md), as the command line's
-- --mis-leverage, --group and --max-per-group. All null for an independent run and for a portfolio without them.

ALTER TABLE backtest_run ADD COLUMN mis_leverage NUMERIC;                 -- PORTFOLIO: every symbol intraday (MIS) at this leverage; null = delivery
ALTER TABLE backtest_run ADD COLUMN correlation_groups TEXT;              -- PORTFOLIO: "banks: HDFCBANK, ICICIBANK; it: INFY, TCS"; null = off
ALTER TABLE backtest_run ADD COLUMN max_positions_per_group INTEGER;      -- PORTFOLIO: open positions per group (with groups)
