-- The trade journal's annotations (io.tradepilot.journal). A journal trade is identified by the ledger
-- sequence number (fill.seq) of the fill that opened it; there is deliberately no foreign key to the
-- ledger's fill table, which the journal only reads (and which tests and resets truncate on their own).

-- Free tags on a trade: one row per (trade, tag). Tags are short plain text, compared as written.
CREATE TABLE journal_tag (
    trade_id        BIGINT         NOT NULL,
    tag             VARCHAR(40)    NOT NULL,
    created_by      VARCHAR(100)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (trade_id, tag)
);
CREATE INDEX journal_tag_tag_idx ON journal_tag (tag);

-- One note per trade, Markdown source (rendered without raw HTML).
CREATE TABLE journal_note (
    trade_id        BIGINT         PRIMARY KEY,
    body            VARCHAR(10000) NOT NULL,
    updated_by      VARCHAR(100)   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
