-- select_stock_report_lines_after: the page of a stock run's report after a given line, in the
-- order of select_stock_report_lines.sql. Keyset-paged on that order, never OFFSET; the index
-- wms_stock_report_order holds that order, so a page is read in it without sorting the lines
-- after the key (rendering 200,000 lines takes seconds; docs/benchmarks.md).
-- Parameters: 1 run_id, 2 abs_difference of the last line of the page before, 3 the same,
--   4 its warehouse_code, 5 the same, 6 its article_no, 7 page size
-- Columns: as select_stock_report_lines.sql
SELECT warehouse_code, article_no, CAST(erp_quantity AS VARCHAR(40)),
       CAST(wms_quantity AS VARCHAR(40)), CAST(difference AS VARCHAR(40)), action, reason,
       CAST(abs_difference AS VARCHAR(40))
FROM wms_stock_report
WHERE run_id = ?
  AND (abs_difference < CAST(? AS NUMERIC)
       OR (abs_difference = CAST(? AS NUMERIC)
           AND (warehouse_code > ? OR (warehouse_code = ? AND article_no > ?))))
ORDER BY abs_difference DESC, warehouse_code, article_no
LIMIT ?
