-- Why an order exits (io.tradepilot.engine.orders.ExitTag name), as recorded when the engine accepted it; NULL on entries,
-- on orders whose placer did not say and on orders recorded before this column. The ledger's recovery gives a working
-- order its tag back after a restart, so its later fills keep the exit reason (docs/journal.md "Exit reason").
ALTER TABLE trade_order ADD COLUMN exit_tag VARCHAR(16);
