-- The journal's per-day summary crossed with the strategy (io.tradepilot.journal, docs/journal.md "Statistics at a
-- million trades"): per strategy, market-zone exit day and group (SYMBOL, HOUR, RBIN, EXIT, TAG as in journal_day), the
-- number of closed trades and their net P&L. It answers the breakdowns of one strategy over any date range (the fallback
-- over journal_trade took 1.9 s for one strategy over all time at 1,000,000 trades). A read model of journal_trade,
-- rewritten with journal_day (same days, same transaction) and rebuilt with it: NULL zone makes the next sync rebuild.
-- [jooq ignore start]
CREATE TABLE journal_day_cross (
    strategy  VARCHAR(64) NOT NULL,
    trade_day DATE        NOT NULL,
    dim       VARCHAR(8)  NOT NULL,
    key       VARCHAR(64) NOT NULL,
    trades    INTEGER     NOT NULL,
    net       NUMERIC     NOT NULL,
    PRIMARY KEY (strategy, trade_day, dim, key)
);
CREATE INDEX journal_day_cross_day_idx ON journal_day_cross (trade_day);
UPDATE journal_state SET day_summary_zone = NULL;
-- [jooq ignore stop]
