-- insert_stock_report_line: one article and warehouse of a stock run's reconciliation report.
-- Parameters: 1 run_id, 2 warehouse_code, 3 article_no, 4 erp_quantity ('' = no row),
--   5 wms_quantity ('' = not in Ongoing), 6 difference, 7 absolute difference, 8 action, 9 reason
INSERT INTO wms_stock_report (run_id, warehouse_code, article_no, erp_quantity, wms_quantity,
                              difference, abs_difference, action, reason)
VALUES (?, ?, ?, CAST(NULLIF(?, '') AS NUMERIC(12,3)), CAST(NULLIF(?, '') AS NUMERIC(12,3)),
        CAST(? AS NUMERIC(12,3)), CAST(? AS NUMERIC(12,3)), ?, ?)
