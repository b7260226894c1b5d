-- count_error_documents: the documents of one kind a connection holds in ERROR, waiting for a
-- person to correct them in the ERP (`wmsbridge status`, issue 13 point 6).
-- Parameters: 1 connection_name, 2 doc_type
SELECT COUNT(*) FROM wms_sync_state
WHERE connection_name = ? AND doc_type = ? AND status = 'ERROR'
