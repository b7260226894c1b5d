-- mark_sync_state_handling_started: Ongoing refused a change of the document because the
-- warehouse has started on it. From now on the every-run comparison of open documents leaves it
-- out (a change since the watermark, a full run or a manual send still tries); the time of the
-- first such refusal stays. Cleared when Ongoing accepts the document (upsert_sync_state_sent).
-- Parameters: 1 handling_started_at (now), 2 connection_name, 3 doc_type, 4 doc_no
UPDATE wms_sync_state
SET handling_started_at = COALESCE(handling_started_at, ?)
WHERE connection_name = ? AND doc_type = ? AND doc_no = ?
