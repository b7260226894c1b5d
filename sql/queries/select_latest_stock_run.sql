-- select_latest_stock_run: the id of the latest stock run of a connection ('' for any), for
-- `report stock` without --run and for `status`.
-- Parameters: 1 connection_name, 2 connection_name. Columns: run_id (text)
SELECT CAST(MAX(run_id) AS VARCHAR(20)) FROM wms_stock_run WHERE (? = '' OR connection_name = ?)
