-- upsert_sync_state_error: a document was refused (by us or by the WMS). Keeps what the WMS last
-- accepted (hash, wms_id, sent times) so that a later fix is compared with the right payload.
-- refused_payload_hash is the payload the WMS refused (R32: not sent again while it is the
-- same), NULL for our own refusals.
-- Parameters: 1 connection_name, 2 doc_type, 3 doc_no, 4 erp_id, 5 status ('ERROR'),
--             6 last_attempt_at (now), 7 message, 8 run_id, 9 refused_payload_hash (or NULL)
INSERT INTO wms_sync_state (connection_name, doc_type, doc_no, erp_id, status, last_attempt_at,
                            message, last_run_id, refused_payload_hash)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (connection_name, doc_type, doc_no) DO UPDATE SET
  status = excluded.status,
  last_attempt_at = excluded.last_attempt_at,
  message = excluded.message,
  last_run_id = excluded.last_run_id,
  refused_payload_hash = excluded.refused_payload_hash
