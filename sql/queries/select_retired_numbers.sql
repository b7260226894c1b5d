-- select_retired_numbers: the internal ids a number was used with by deleted documents that
-- Ongoing keeps (cancelled). Parameters: 1 connection_name, 2 doc_type, 3 doc_no. Columns: erp_id
SELECT erp_id FROM wms_retired_number WHERE connection_name = ? AND doc_type = ? AND doc_no = ?
