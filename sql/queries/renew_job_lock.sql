-- renew_job_lock: the holder extends its lease. Parameters: 1 expires_at, 2 connection_name,
-- 3 job, 4 host, 5 pid, 6 locked_at
UPDATE wms_job_lock SET expires_at = ?
WHERE connection_name = ? AND job = ? AND host = ? AND pid = ? AND locked_at = ?
