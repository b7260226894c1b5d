-- insert_stock_journal: one change of stock_balance by the stock job, in the change's transaction.
-- Parameters: 1 run_id, 2 connection_name, 3 article_no, 4 warehouse_id, 5 warehouse_code,
--   6 before (text, '' when there was no row), 7 after (text), 8 difference (text), 9 adjusted_at
INSERT INTO wms_stock_journal (run_id, connection_name, article_no, warehouse_id, warehouse_code,
                               before_qty, after_qty, difference, adjusted_at)
VALUES (?, ?, ?, CAST(? AS INTEGER), ?, CAST(NULLIF(?, '') AS NUMERIC(12,3)),
        CAST(? AS NUMERIC(12,3)), CAST(? AS NUMERIC(12,3)), ?)
