-- The stock job (issue 12, R25): Ongoing's stock is master; docs/stock-job.md.
-- Ongoing's stock as the running stock job read it, per ERP warehouse and article: a staging
-- table, so that both sides are compared in one ordered, paged query and neither is held in
-- memory. Replaced by every run of the connection.
CREATE TABLE IF NOT EXISTS wms_stock_snapshot (
  connection_name TEXT NOT NULL,
  run_id BIGINT NOT NULL,
  warehouse_id INTEGER NOT NULL,
  article_no TEXT NOT NULL,
  wms_quantity NUMERIC(12,3) NOT NULL,
  PRIMARY KEY (connection_name, warehouse_id, article_no)
);
-- One row per stock run: its settings and totals (the head of the reconciliation report).
CREATE TABLE IF NOT EXISTS wms_stock_run (
  run_id BIGINT PRIMARY KEY,
  connection_name TEXT NOT NULL,
  mode TEXT NOT NULL,
  warehouses TEXT NOT NULL,
  threshold_units TEXT,
  threshold_percent TEXT,
  compared_count INTEGER NOT NULL,
  equal_count INTEGER NOT NULL,
  adjusted_count INTEGER NOT NULL,
  flagged_count INTEGER NOT NULL,
  report_only_count INTEGER NOT NULL,
  only_erp_count INTEGER NOT NULL,
  only_wms_count INTEGER NOT NULL,
  abs_difference NUMERIC(12,3) NOT NULL
);
-- The reconciliation report: one row per article and warehouse a stock run compared.
-- difference = wms_quantity - erp_quantity (what an adjustment adds to the ERP); a missing
-- side is NULL. action: equal, adjusted, flagged, report_only, only_in_erp, only_in_wms.
CREATE TABLE IF NOT EXISTS wms_stock_report (
  run_id BIGINT NOT NULL,
  warehouse_code TEXT NOT NULL,
  article_no TEXT NOT NULL,
  erp_quantity NUMERIC(12,3),
  wms_quantity NUMERIC(12,3),
  difference NUMERIC(12,3) NOT NULL,
  abs_difference NUMERIC(12,3) NOT NULL,
  action TEXT NOT NULL,
  reason TEXT,
  PRIMARY KEY (run_id, warehouse_code, article_no)
);
CREATE INDEX IF NOT EXISTS wms_stock_report_size ON wms_stock_report (run_id, abs_difference);
-- Every change the stock job made to stock_balance, written in the same transaction.
CREATE TABLE IF NOT EXISTS wms_stock_journal (
  journal_id BIGSERIAL PRIMARY KEY,
  run_id BIGINT NOT NULL,
  connection_name TEXT NOT NULL,
  article_no TEXT NOT NULL,
  warehouse_id INTEGER NOT NULL,
  warehouse_code TEXT NOT NULL,
  before_qty NUMERIC(12,3),
  after_qty NUMERIC(12,3) NOT NULL,
  difference NUMERIC(12,3) NOT NULL,
  adjusted_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS wms_stock_journal_run ON wms_stock_journal (run_id);
