-- select_last_run_id: the id of the run just inserted by this process.
-- Parameters: 1 connection_name, 2 job, 3 started_at, 4 host, 5 pid
SELECT MAX(run_id) FROM wms_run
WHERE connection_name = ? AND job = ? AND started_at = ? AND host = ? AND pid = ?
