-- lock_job: take the job's lease; fails on the primary key when the job is already running.
-- Parameters: 1 connection_name, 2 job, 3 host, 4 pid, 5 locked_at, 6 expires_at
INSERT INTO wms_job_lock (connection_name, job, host, pid, locked_at, expires_at)
VALUES (?, ?, ?, ?, ?, ?)
