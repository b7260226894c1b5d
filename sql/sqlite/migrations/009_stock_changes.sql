-- The stock job's change feed (issue 12, point 3; docs/stock-job.md "Intra-day runs"): one row
-- per change Ongoing reported (GetInventoryChanges) that a run took up, keyed as Ongoing
-- acknowledges it (SetInventoryChangesToReported: article system id and inventory id).
-- applied = 1 is written in the same transaction as the compared pair's adjustment and report
-- line, so a crash before that leaves the change to be read again, one after it lets the next
-- run skip it by id. The row is deleted once Ongoing has taken the acknowledgement.
-- warehouse_id is NULL for a change in a warehouse the connection does not compare.
CREATE TABLE IF NOT EXISTS wms_stock_change (
  connection_name TEXT NOT NULL,
  article_system_id INTEGER NOT NULL,
  inventory_id INTEGER NOT NULL,
  article_no TEXT NOT NULL,
  warehouse_id INTEGER,
  run_id INTEGER NOT NULL,
  applied INTEGER NOT NULL,
  PRIMARY KEY (connection_name, article_system_id, inventory_id)
);
CREATE INDEX IF NOT EXISTS wms_stock_change_pair
  ON wms_stock_change (connection_name, warehouse_id, article_no);
