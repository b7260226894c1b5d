-- upsert_sync_state_sent: the WMS accepted a document; remember what it accepted. It takes its
-- changes: a handling_started_at (mark_sync_state_handling_started.sql) is cleared, and so is a
-- refusal it held (refused_payload_hash, R32).
-- Parameters: 1 connection_name, 2 doc_type, 3 doc_no, 4 erp_id, 5 wms_id, 6 payload_hash,
--             7 status, 8 first_sent_at, 9 last_sent_at, 10 last_attempt_at (all three: now),
--             11 message (a warning, or NULL), 12 run_id
INSERT INTO wms_sync_state (connection_name, doc_type, doc_no, erp_id, wms_id, payload_hash, status,
                            first_sent_at, last_sent_at, last_attempt_at, message, last_run_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (connection_name, doc_type, doc_no) DO UPDATE SET
  erp_id = excluded.erp_id,
  wms_id = excluded.wms_id,
  payload_hash = excluded.payload_hash,
  status = excluded.status,
  first_sent_at = COALESCE(wms_sync_state.first_sent_at, excluded.first_sent_at),
  last_sent_at = excluded.last_sent_at,
  last_attempt_at = excluded.last_attempt_at,
  message = excluded.message,
  last_run_id = excluded.last_run_id,
  handling_started_at = NULL,
  refused_payload_hash = NULL
