-- The peak equity at each recorded time step, so that a restarted engine continues to measure its
-- drawdown from the peak reached before the restart (rows written before this column exist have none:
-- recovery then takes the largest recorded equity).
ALTER TABLE equity_snapshot ADD COLUMN peak_equity NUMERIC;
