-- delete_pending_stock_changes: forget the changes an earlier run of the connection took up but
-- did not apply (it stopped first); Ongoing still lists them as unreported, so they are read again.
-- Parameters: 1 connection_name
DELETE FROM wms_stock_change WHERE connection_name = ? AND applied = 0
