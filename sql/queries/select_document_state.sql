-- select_document_state: a document's state, to answer its send request.
-- Parameters: 1 connection_name, 2 doc_type, 3 doc_no. Columns: status, message, last_run_id
SELECT status, message, CAST(last_run_id AS VARCHAR(20)) FROM wms_sync_state
WHERE connection_name = ? AND doc_type = ? AND doc_no = ?
