-- select_job_lock: who holds a job's lock. Parameters: 1 connection_name, 2 job.
-- Columns: host, pid, locked_at
SELECT host, CAST(pid AS VARCHAR(20)), locked_at FROM wms_job_lock WHERE connection_name = ? AND job = ?
