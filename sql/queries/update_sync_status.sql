-- update_sync_status: what Ongoing reported of a sent document (delivered, received), keeping
-- what it last accepted. Parameters: 1 status, 2 message, 3 run_id, 4 connection_name,
-- 5 doc_type, 6 doc_no
UPDATE wms_sync_state SET status = ?, message = ?, last_run_id = ?
WHERE connection_name = ? AND doc_type = ? AND doc_no = ?
