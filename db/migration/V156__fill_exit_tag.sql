-- Why the order of a fill exits (io.tradepilot.engine.orders.ExitTag: TARGET, PARTIAL, STOP, TRAILING, TIME, SIGNAL,
-- SQUARE_OFF, FLATTEN, MANUAL), as the one who placed it said; NULL on entries and on fills written before this column.
-- The journal derives each trade's exit reason from it (docs/journal.md "Exit reason").
ALTER TABLE fill ADD COLUMN exit_tag VARCHAR(16);

-- The per-day summary gains the EXIT dimension (a trade's exit reason): NULL zone makes the journal rebuild it from
-- journal_trade at its next sync. Trades already in journal_trade keep the exit reason they were built with.
-- [jooq ignore start]
UPDATE journal_state SET day_summary_zone = NULL;
-- [jooq ignore stop]
