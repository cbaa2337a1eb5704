-- The journal's per-day summary of its closed trades (io.tradepilot.journal, docs/journal.md "Statistics at a
-- million trades"): one row per market-zone exit day and group, where a group is a dimension and its value:
-- ALL (value ''), STRATEGY, SYMBOL, SIDE, MODE (the statistics' single-criterion filters), HOUR (exit hour in the
-- market zone, '09'), RBIN (the R histogram's bin, floor(R / 0.5) as an integer) and TAG (each tag of the trade, or
-- '(no tag)'). A row holds the day's sums, counts and extremes and what is needed to chain days in exit order
-- (streaks at the day's head and tail and inside it; the running sum's minimum and maximum and the day's own
-- drawdown). A read model of journal_trade: JournalBook rewrites the rows of every day a batch touched in the
-- batch's transaction, a tag edit rewrites its trade's day, and it can be rebuilt from journal_trade at any time.
-- [jooq ignore start]
CREATE TABLE journal_day (
    dim          VARCHAR(8)  NOT NULL,
    key          VARCHAR(64) NOT NULL,
    trade_day    DATE        NOT NULL,
    trades       INTEGER     NOT NULL,
    wins         INTEGER     NOT NULL,
    losses       INTEGER     NOT NULL,
    profit       NUMERIC     NOT NULL,   -- sum of the wins' net P&L
    loss         NUMERIC     NOT NULL,   -- sum of the losses' net P&L (0 or negative)
    fees         NUMERIC     NOT NULL,
    r_trades     INTEGER     NOT NULL,
    r_sum        NUMERIC     NOT NULL,
    largest_win  NUMERIC,
    largest_loss NUMERIC,
    win_head     INTEGER     NOT NULL,   -- wins before the day's first non-win (all trades when none)
    win_tail     INTEGER     NOT NULL,   -- wins after the day's last non-win
    win_max      INTEGER     NOT NULL,   -- the day's longest win streak
    loss_head    INTEGER     NOT NULL,
    loss_tail    INTEGER     NOT NULL,
    loss_max     INTEGER     NOT NULL,
    cum_min      NUMERIC     NOT NULL,   -- lowest running sum of net P&L in the day (from 0 at the day's start)
    cum_max      NUMERIC     NOT NULL,   -- highest running sum
    drawdown     NUMERIC     NOT NULL,   -- the day's max drawdown with its peak starting at 0
    win_fees     NUMERIC     NOT NULL,   -- fees, R count and R sum of the wins and of the losses (the outcome filters)
    loss_fees    NUMERIC     NOT NULL,
    win_r_trades INTEGER     NOT NULL,
    win_r_sum    NUMERIC     NOT NULL,
    loss_r_trades INTEGER    NOT NULL,
    loss_r_sum   NUMERIC     NOT NULL,
    PRIMARY KEY (dim, key, trade_day)
);
CREATE INDEX journal_day_day_idx ON journal_day (trade_day);
-- [jooq ignore stop]

-- The market zone the summary was built in (its days and hours are that zone's); NULL: not built yet, so the journal
-- builds it from journal_trade at its next sync (an installation that had trades before this table).
-- [jooq ignore start]
ALTER TABLE journal_state ADD COLUMN day_summary_zone VARCHAR(64);
-- [jooq ignore stop]
