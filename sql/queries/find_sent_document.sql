-- find_sent_document: which document of this connection Ongoing's id belongs to.
-- Parameters: 1 connection_name, 2 Ongoing's id (text), 3 and 4 the document types to look in.
-- Columns: doc_type, doc_no, erp_id, status, message (its first 200 characters: enough to tell
--   whether a read-back's words are already there)
SELECT doc_type, doc_no, erp_id, status, SUBSTR(message, 1, 200) FROM wms_sync_state
WHERE connection_name = ? AND wms_id = CAST(? AS INTEGER) AND doc_type IN (?, ?)
