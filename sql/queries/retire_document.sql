-- retire_document: a deleted document was cancelled in Ongoing; its number stays taken there.
-- Parameters: 1 connection_name, 2 doc_type, 3 doc_no, 4 erp_id, 5 wms_id, 6 retired_at
INSERT INTO wms_retired_number (connection_name, doc_type, doc_no, erp_id, wms_id, retired_at)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (connection_name, doc_type, doc_no, erp_id) DO NOTHING
