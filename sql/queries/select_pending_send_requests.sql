-- select_pending_send_requests: the ERP's "Send / Update at 3PL" requests not yet processed.
-- Parameters: 1 doc_type, 2 connection_name. Columns: request_id, doc_no
SELECT CAST(request_id AS VARCHAR(20)), doc_no FROM wms_send_request
WHERE doc_type = ? AND processed_at IS NULL AND (connection_name IS NULL OR connection_name = ?)
ORDER BY request_id
