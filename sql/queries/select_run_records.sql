-- select_run_records: the per-document rows of one run, in the order they were recorded
-- (`wmsbridge status --run N`).
-- Parameters: 1 run_id
-- Columns: doc_type, doc_no, outcome, reason, recorded_at
SELECT doc_type, doc_no, outcome, reason, recorded_at
FROM wms_run_record
WHERE run_id = ?
ORDER BY recorded_at, doc_type, doc_no
