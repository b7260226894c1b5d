-- clear_retired_number: Ongoing accepted a new document with the number (the 3PL renumbered the
-- cancelled one). Parameters: 1 connection_name, 2 doc_type, 3 doc_no
DELETE FROM wms_retired_number WHERE connection_name = ? AND doc_type = ? AND doc_no = ?
