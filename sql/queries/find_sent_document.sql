-- find_sent_document: which document of this connection Ongoing's id belongs to.
-- Parameters: 1 connection_name, 2 Ongoing's id (text), 3 and 4 the document types to look in.
-- Columns: doc_type, doc_no, erp_id
SELECT doc_type, doc_no, erp_id FROM wms_sync_state
WHERE connection_name = ? AND wms_id = CAST(? AS INTEGER) AND doc_type IN (?, ?)
