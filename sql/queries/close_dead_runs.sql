-- close_dead_runs: a runner holding a job's lease closes every run of that job still RUNNING
-- (its runner died or lost the lease) as ABORTED, with its counts from its per-record rows.
-- Unchanged documents are not recorded per record, so their count stays 0.
-- Parameters: 1 finished_at, 2 message, 3 connection_name, 4 job
UPDATE wms_run SET status = 'ABORTED', finished_at = ?, message = ?,
  sent_count = (SELECT COUNT(*) FROM wms_run_record r WHERE r.run_id = wms_run.run_id
    AND r.outcome NOT IN ('unchanged', 'rejected', 'failed', 'skipped')),
  unchanged_count = (SELECT COUNT(*) FROM wms_run_record r WHERE r.run_id = wms_run.run_id
    AND r.outcome = 'unchanged'),
  rejected_count = (SELECT COUNT(*) FROM wms_run_record r WHERE r.run_id = wms_run.run_id
    AND r.outcome = 'rejected'),
  failed_count = (SELECT COUNT(*) FROM wms_run_record r WHERE r.run_id = wms_run.run_id
    AND r.outcome = 'failed'),
  skipped_count = (SELECT COUNT(*) FROM wms_run_record r WHERE r.run_id = wms_run.run_id
    AND r.outcome = 'skipped')
WHERE connection_name = ? AND job = ? AND status = 'RUNNING'
