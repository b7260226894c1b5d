-- insert_stock_run: the head of a stock run's report, its totals counted from its report rows.
-- Parameters: 1 run_id, 2 connection_name, 3 mode, 4 warehouses, 5 threshold_units ('' none),
--   6 threshold_percent ('' none), 7 run_id
INSERT INTO wms_stock_run (run_id, connection_name, mode, warehouses, threshold_units,
                           threshold_percent, compared_count, equal_count, adjusted_count,
                           flagged_count, report_only_count, only_erp_count, only_wms_count,
                           abs_difference)
SELECT ?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''),
       COUNT(*),
       COALESCE(SUM(CASE WHEN action = 'equal' THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN action = 'adjusted' THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN action = 'flagged' THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN action = 'report_only' THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN action = 'only_in_erp' THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN action = 'only_in_wms' THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(abs_difference), 0)
FROM wms_stock_report WHERE run_id = ?
