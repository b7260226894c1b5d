-- select_applied_stock_changes: applied changes Ongoing has not yet taken the acknowledgement
-- of (each is deleted once it has), a page at a time.
-- Parameters: 1 connection_name, 2 page size
-- Columns: article_system_id, inventory_id
SELECT CAST(article_system_id AS VARCHAR(12)), CAST(inventory_id AS VARCHAR(12)) FROM wms_stock_change
WHERE connection_name = ? AND applied = 1
ORDER BY article_system_id, inventory_id
LIMIT ?
