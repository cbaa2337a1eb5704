-- Named universes (io.tradepilot.strategies.Universes, docs/strategies.md "Universes"): a name, its exchange and an
-- ordered list of symbols, edited by operators and admins, read by every role. One row per universe; every change
-- bumps its version (a concurrent edit is refused) and is audited.
CREATE TABLE strategy_universe (
    name        VARCHAR(64)    PRIMARY KEY,
    exchange    VARCHAR(8)     NOT NULL,
    symbols     TEXT           NOT NULL,      -- in order, comma-separated (a symbol never holds a comma)
    version     INTEGER        NOT NULL,
    updated_by  VARCHAR(100)   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(2000)  NOT NULL
);

-- A demo universe: the NIFTY 50 as listed by NSE Indices (niftyindices.com, "ind_nifty50list.csv") after the
-- rebalance effective 2025-03-28, which is the list the shipped data set nifty50_daily_2020_2025 covers (its README:
-- "index membership of 2025"). NSE symbols, in the file's alphabetical order. Later index changes (from 2025-09-30
-- INDIGO and MAXHEALTH in place of HEROMOTOCO and INDUSINDBK; TATAMOTORS listed as TMPV after its demerger) are an
-- operator's edit away; the demo keeps the list its data covers.
INSERT INTO strategy_universe (name, exchange, symbols, version, updated_by, updated_at, reason) VALUES ('NIFTY 50', 'NSE',
    'ADANIENT,ADANIPORTS,APOLLOHOSP,ASIANPAINT,AXISBANK,BAJAJ-AUTO,BAJFINANCE,BAJAJFINSV,BEL,BHARTIARTL,CIPLA,COALINDIA,'
    || 'DRREDDY,EICHERMOT,ETERNAL,GRASIM,HCLTECH,HDFCBANK,HDFCLIFE,HEROMOTOCO,HINDALCO,HINDUNILVR,ICICIBANK,INDUSINDBK,'
    || 'INFY,ITC,JIOFIN,JSWSTEEL,KOTAKBANK,LT,M&M,MARUTI,NESTLEIND,NTPC,ONGC,POWERGRID,RELIANCE,SBILIFE,SBIN,SHRIRAMFIN,'
    || 'SUNPHARMA,TATACONSUM,TATAMOTORS,TATASTEEL,TCS,TECHM,TITAN,TRENT,ULTRACEMCO,WIPRO',
    1, 'system', CURRENT_TIMESTAMP, 'seeded: NIFTY 50 constituents (NSE Indices, rebalance of 2025-03-28)');

-- The symbols a universe resolved to when a strategy version naming it was applied: what runs at every later start
-- (null: the version lists its symbols).
ALTER TABLE config_applied ADD COLUMN symbols TEXT;
