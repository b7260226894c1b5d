-- select_job_schedule: the latest slot claimed for a job, and by whom. Parameters:
-- 1 connection_name, 2 job. Columns: last_due_at, claimed_by
SELECT last_due_at, claimed_by FROM wms_job_schedule WHERE connection_name = ? AND job = ?
