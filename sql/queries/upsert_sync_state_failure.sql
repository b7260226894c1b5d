-- upsert_sync_state_failure: a document could not be sent because the WMS was unavailable. Its
-- status stays what it was (NOT_SENT for a new document: Ongoing has nothing, or the version
-- Ongoing last accepted); only the message says why, and the next run sends it again.
-- Parameters: 1 connection_name, 2 doc_type, 3 doc_no, 4 erp_id, 5 last_attempt_at (now),
--             6 message, 7 run_id
INSERT INTO wms_sync_state (connection_name, doc_type, doc_no, erp_id, status, last_attempt_at,
                            message, last_run_id)
VALUES (?, ?, ?, ?, 'NOT_SENT', ?, ?, ?)
ON CONFLICT (connection_name, doc_type, doc_no) DO UPDATE SET
  last_attempt_at = excluded.last_attempt_at,
  message = excluded.message,
  last_run_id = excluded.last_run_id
