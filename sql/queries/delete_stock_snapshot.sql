-- delete_stock_snapshot: forget Ongoing's stock as an earlier stock run of the connection read it.
-- Parameters: 1 connection_name
DELETE FROM wms_stock_snapshot WHERE connection_name = ?
