-- delete_sync_state: forget a document's state (after it was retired).
-- Parameters: 1 connection_name, 2 doc_type, 3 doc_no
DELETE FROM wms_sync_state WHERE connection_name = ? AND doc_type = ? AND doc_no = ?
