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
-- The report's order (select_stock_report_lines*.sql: largest difference first, then warehouse
-- and article) as an index, so a page of the keyset paging is read in order instead of sorting
-- every line after the key (at 200,000 lines, nearly all equal, that sort made rendering a
-- report quadratic: about 45 s per rendering).
CREATE INDEX IF NOT EXISTS wms_stock_report_order
  ON wms_stock_report (run_id, abs_difference DESC, warehouse_code, article_no);
