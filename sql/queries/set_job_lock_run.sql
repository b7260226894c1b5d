-- set_job_lock_run: ties the lease to the run it protects, so that a runner taking over an
-- expired lease knows the dead run. Parameters: 1 run_id, 2 connection_name, 3 job, 4 host,
-- 5 pid, 6 locked_at
UPDATE wms_job_lock SET run_id = ?
WHERE connection_name = ? AND job = ? AND host = ? AND pid = ? AND locked_at = ?
