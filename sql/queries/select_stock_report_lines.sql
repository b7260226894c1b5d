-- select_stock_report_lines: the first page of a stock run's report, largest differences first,
-- then by warehouse and article (a stable order: the report of a run renders the same every
-- time). The next pages: select_stock_report_lines_after.sql (keyset paging, never OFFSET).
-- Parameters: 1 run_id, 2 page size
-- Columns (text): warehouse_code, article_no, erp_quantity, wms_quantity, difference, action,
--   reason, abs_difference
SELECT warehouse_code, article_no, CAST(erp_quantity AS VARCHAR(40)),
       CAST(wms_quantity AS VARCHAR(40)), CAST(difference AS VARCHAR(40)), action, reason,
       CAST(abs_difference AS VARCHAR(40))
FROM wms_stock_report
WHERE run_id = ?
ORDER BY abs_difference DESC, warehouse_code, article_no
LIMIT ?
