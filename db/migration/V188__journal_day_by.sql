-- The journal's per-day summary crossed with one symbol, side or mode (io.tradepilot.journal, docs/journal.md "Statistics
-- at a million trades"): per criterion (by_dim SYMBOL, SIDE or MODE and its value), market-zone exit day and breakdown
-- group (SYMBOL, STRATEGY, HOUR, RBIN, EXIT, TAG as in journal_day; never the criterion's own dimension), the number of
-- closed trades and their net P&L. It answers the breakdowns of one symbol, side or mode over any date range, as
-- journal_day_cross (V157) does for one strategy; the fallback over journal_trade reads every trade of a side or mode.
-- A read model of journal_trade, rewritten with journal_day (same days, same transaction) and rebuilt with it: NULL zone
-- makes the next sync rebuild.
-- [jooq ignore start]
CREATE TABLE journal_day_by (
    by_dim    VARCHAR(8)  NOT NULL,
    by_key    VARCHAR(64) NOT NULL,
    trade_day DATE        NOT NULL,
    dim       VARCHAR(8)  NOT NULL,
    key       VARCHAR(64) NOT NULL,
    trades    INTEGER     NOT NULL,
    net       NUMERIC     NOT NULL,
    PRIMARY KEY (by_dim, by_key, trade_day, dim, key)
);
-- the days' rows for the upkeep's DELETE; with the criterion in the index a dated breakdown that the planner answers from
-- this index (rows in day order on disk) reads only the criterion's rows from the heap
CREATE INDEX journal_day_by_day_idx ON journal_day_by (trade_day, by_dim, by_key);
UPDATE journal_state SET day_summary_zone = NULL;
-- [jooq ignore stop]
