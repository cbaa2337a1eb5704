-- The venue's own id of an order (Alpaca's order id, Kite's order_id), recorded when the venue acknowledges it;
-- null for orders of the built-in paper venue and for orders the venue has not acknowledged yet.
ALTER TABLE trade_order ADD COLUMN venue_order_id VARCHAR(64);
