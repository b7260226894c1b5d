-- insert_run_record: one document's outcome in one run.
-- Parameters: 1 run_id, 2 doc_type, 3 doc_no, 4 outcome, 5 reason, 6 recorded_at
INSERT INTO wms_run_record (run_id, doc_type, doc_no, outcome, reason, recorded_at)
VALUES (?, ?, ?, ?, ?, ?)
