-- select_stock_change: one row when the change (article system id, inventory id) is already
-- applied (after delete_pending_stock_changes only applied rows are left), else none.
-- Parameters: 1 connection_name, 2 article_system_id, 3 inventory_id
-- Columns: applied (text)
SELECT CAST(applied AS VARCHAR(4)) FROM wms_stock_change
WHERE connection_name = ? AND article_system_id = ? AND inventory_id = ?
