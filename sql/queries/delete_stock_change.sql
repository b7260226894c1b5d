-- delete_stock_change: Ongoing has taken the acknowledgement of this applied change.
-- Parameters: 1 connection_name, 2 article_system_id, 3 inventory_id
DELETE FROM wms_stock_change WHERE connection_name = ? AND article_system_id = ? AND inventory_id = ?
