-- Stored historical bars for backtests (io.tradepilot.marketdata): one series per symbol and bar interval, its
-- bars (exact decimals, loaded whole in time order through the primary key's index), and the quality report its
-- import produced (warnings: gaps against the exchange calendar, dropped identical duplicates, outliers, bars
-- outside the session). Errors never reach these tables: a refused file stores nothing.
CREATE TABLE market_series (
    id             BIGSERIAL     PRIMARY KEY,
    symbol         VARCHAR(64)   NOT NULL,
    exchange       VARCHAR(16)   NOT NULL,
    bar_interval   VARCHAR(8)    NOT NULL,
    stamping       VARCHAR(16)   NOT NULL,
    price_scale    INTEGER       NOT NULL,
    first_bar      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_bar       TIMESTAMP WITH TIME ZONE NOT NULL,
    bar_count      BIGINT        NOT NULL,
    source         VARCHAR(16)   NOT NULL,
    source_detail  VARCHAR(200)  NOT NULL,
    imported_by    VARCHAR(100)  NOT NULL,
    imported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    gaps           INTEGER       NOT NULL,
    missing_bars   BIGINT        NOT NULL,
    duplicates     INTEGER       NOT NULL,
    outliers       INTEGER       NOT NULL,
    off_session    INTEGER       NOT NULL,
    CONSTRAINT market_series_key UNIQUE (symbol, bar_interval),
    CONSTRAINT market_series_source_chk CHECK (source IN ('CSV', 'BROKER')),
    CONSTRAINT market_series_stamping_chk CHECK (stamping IN ('DATE', 'DATE_TIME')),
    CONSTRAINT market_series_scale_chk CHECK (price_scale BETWEEN 0 AND 9)
);

CREATE TABLE market_bar (
    series_id  BIGINT        NOT NULL REFERENCES market_series (id) ON DELETE CASCADE,
    bar_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    open       NUMERIC(28, 9) NOT NULL,
    high       NUMERIC(28, 9) NOT NULL,
    low        NUMERIC(28, 9) NOT NULL,
    close      NUMERIC(28, 9) NOT NULL,
    volume     BIGINT        NOT NULL,
    CONSTRAINT market_bar_pk PRIMARY KEY (series_id, bar_time)
);

-- The warnings of the series' latest import (and of the imports it extended), line by line.
CREATE TABLE market_series_issue (
    id         BIGSERIAL     PRIMARY KEY,
    series_id  BIGINT        NOT NULL REFERENCES market_series (id) ON DELETE CASCADE,
    line       BIGINT        NOT NULL,
    kind       VARCHAR(32)   NOT NULL,
    message    VARCHAR(500)  NOT NULL
);

CREATE INDEX market_series_issue_series_idx ON market_series_issue (series_id, line);
