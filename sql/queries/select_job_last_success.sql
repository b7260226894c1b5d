-- select_job_last_success: when the latest completed run of one job of one connection started
-- (COMPLETED or COMPLETED_WITH_REJECTS: the job did its work; rejected documents show as ERROR
-- documents), for the stale check of `wmsbridge status` (issue 13, point 6). Modes as in
-- select_job_last_run.sql. NULL when there is none.
-- Parameters: 1 connection_name, 2 job (wms_run.job), 3 and 4 the mode ('' or 'full').
SELECT MAX(started_at) FROM wms_run
WHERE connection_name = ? AND job = ?
  AND ((? = '' AND mode <> 'manual') OR mode = ?)
  AND status IN ('COMPLETED', 'COMPLETED_WITH_REJECTS')
