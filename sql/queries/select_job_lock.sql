-- select_job_lock: who holds a job's lease, and until when. Parameters: 1 connection_name, 2 job.
-- Columns: host, pid, locked_at, expires_at
SELECT host, CAST(pid AS VARCHAR(20)), locked_at, COALESCE(expires_at, locked_at)
FROM wms_job_lock WHERE connection_name = ? AND job = ?
