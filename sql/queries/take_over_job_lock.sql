-- take_over_job_lock: take the lease of a dead holder (expired, or a dead process of this host);
-- changes nothing when another runner took it first (the old holder no longer matches).
-- Parameters: 1 host, 2 pid, 3 locked_at, 4 expires_at, 5 connection_name, 6 job,
-- 7 old host, 8 old pid, 9 old locked_at
UPDATE wms_job_lock SET host = ?, pid = ?, locked_at = ?, expires_at = ?, run_id = NULL
WHERE connection_name = ? AND job = ? AND host = ? AND pid = ? AND locked_at = ?
