-- The universe a backtest run was submitted with (null: symbols chosen one by one). The run's symbols column holds
-- the universe's symbols as resolved at submission, so the run reproduces whatever the universe holds later.
ALTER TABLE backtest_run ADD COLUMN universe VARCHAR(64);
