-- unlock_job: release a job's lock held by this host and process.
-- Parameters: 1 connection_name, 2 job, 3 host, 4 pid
DELETE FROM wms_job_lock WHERE connection_name = ? AND job = ? AND host = ? AND pid = ?
