-- select_job_last_run: the latest run of one job of one connection for `wmsbridge status`
-- (issue 13, point 6). A mode of '' takes every run but manual sends of one document (they say
-- nothing about the job); 'full' only the full comparisons.
-- Parameters: 1 connection_name, 2 job (wms_run.job), 3 and 4 the mode ('' or 'full').
-- Columns: run_id, connection_name, job, mode, started_at, finished_at, status, sent, unchanged,
--          rejected, failed, skipped, message, parameters
SELECT CAST(run_id AS VARCHAR(20)), connection_name, job, mode, started_at, finished_at, status,
       CAST(sent_count AS VARCHAR(20)), CAST(unchanged_count AS VARCHAR(20)),
       CAST(rejected_count AS VARCHAR(20)), CAST(failed_count AS VARCHAR(20)),
       CAST(skipped_count AS VARCHAR(20)), message, parameters
FROM wms_run
WHERE connection_name = ? AND job = ?
  AND ((? = '' AND mode <> 'manual') OR mode = ?)
ORDER BY run_id DESC
LIMIT 1
