-- finish_run: a run ends. Parameters: 1 finished_at, 2 status, 3 sent, 4 unchanged, 5 rejected,
-- 6 failed, 7 skipped, 8 message, 9 run_id
UPDATE wms_run SET finished_at = ?, status = ?, sent_count = ?, unchanged_count = ?,
  rejected_count = ?, failed_count = ?, skipped_count = ?, message = ?
WHERE run_id = ?
