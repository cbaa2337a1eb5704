-- A fill's commission by kind (io.tradepilot.engine.domain.ChargeKind names: BROKERAGE, STT, EXCHANGE, SEBI, GST, STAMP,
-- SEC_FEE, FINRA_TAF, COMMISSION) as the venue or its fee model itemised it, e.g. {"BROKERAGE": 20.00, "STT": 25.00, ...};
-- the amounts are exact JSON numbers (jsonb keeps them as NUMERIC) and add up to fill.commission. NULL when the fill was
-- not itemised (fills written before this column, venues that report one amount): the journal's export then shows the
-- commission as the one kind COMMISSION (docs/journal.md "CSV").
-- [jooq ignore start]
ALTER TABLE fill ADD COLUMN charges JSONB;
-- [jooq ignore stop]
