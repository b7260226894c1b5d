-- apply_stock_changes: the changes of one article in one warehouse are applied; runs in the
-- transaction of that pair's adjustment and report line.
-- Parameters: 1 connection_name, 2 ERP warehouse_id, 3 article_no
UPDATE wms_stock_change SET applied = 1
WHERE connection_name = ? AND warehouse_id = CAST(? AS INTEGER) AND article_no = ? AND applied = 0
