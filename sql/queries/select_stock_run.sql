-- select_stock_run: the head of one stock run's report (R25).
-- Parameters: 1 run_id. Columns (text): run_id, connection_name, started_at, finished_at,
--   status, mode, warehouses, threshold_units, threshold_percent, compared, equal, adjusted,
--   flagged, report_only, only_in_erp, only_in_wms, abs_difference
SELECT CAST(s.run_id AS VARCHAR(20)), s.connection_name, r.started_at, r.finished_at, r.status,
       s.mode, s.warehouses, s.threshold_units, s.threshold_percent,
       CAST(s.compared_count AS VARCHAR(20)), CAST(s.equal_count AS VARCHAR(20)),
       CAST(s.adjusted_count AS VARCHAR(20)), CAST(s.flagged_count AS VARCHAR(20)),
       CAST(s.report_only_count AS VARCHAR(20)), CAST(s.only_erp_count AS VARCHAR(20)),
       CAST(s.only_wms_count AS VARCHAR(20)), CAST(s.abs_difference AS VARCHAR(40))
FROM wms_stock_run s
LEFT JOIN wms_run r ON r.run_id = s.run_id
WHERE s.run_id = ?
