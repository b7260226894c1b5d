-- select_recent_runs: the latest runs for `wmsbridge status`. Parameter: 1 how many.
-- Columns: run_id, connection_name, job, mode, started_at, finished_at, status, sent, unchanged,
--          rejected, failed, skipped, message, parameters
SELECT CAST(run_id AS VARCHAR(20)), connection_name, job, mode, started_at, finished_at, status,
       CAST(sent_count AS VARCHAR(20)), CAST(unchanged_count AS VARCHAR(20)),
       CAST(rejected_count AS VARCHAR(20)), CAST(failed_count AS VARCHAR(20)),
       CAST(skipped_count AS VARCHAR(20)), message, parameters
FROM wms_run
ORDER BY run_id DESC
LIMIT ?
