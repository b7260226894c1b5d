-- delete_job_schedule: gives back a job's first claimed slot whose run could not start (the
-- job's lease was held by another runner): as if never run, so the next look runs it; only
-- while the claim is still this runner's. Parameters: 1 connection_name, 2 job,
-- 3 last_due_at (the slot claimed), 4 claimed_by
DELETE FROM wms_job_schedule
WHERE connection_name = ? AND job = ? AND last_due_at = ? AND claimed_by = ?
