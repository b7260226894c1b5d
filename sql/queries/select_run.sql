-- select_run: one run with its parameters (`wmsbridge status --run N`).
-- Parameters: 1 run_id
-- Columns: as select_job_last_run.sql
SELECT CAST(run_id AS VARCHAR(20)), connection_name, job, mode, started_at, finished_at, status,
       CAST(sent_count AS VARCHAR(20)), CAST(unchanged_count AS VARCHAR(20)),
       CAST(rejected_count AS VARCHAR(20)), CAST(failed_count AS VARCHAR(20)),
       CAST(skipped_count AS VARCHAR(20)), message, parameters
FROM wms_run
WHERE run_id = ?
