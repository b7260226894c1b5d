-- release_job_schedule: gives back a claimed slot whose run could not start (the job's lease was
-- held by another runner), so that the next look runs it; only while the claim is still this
-- runner's. Parameters: 1 last_due_at (the slot before), 2 connection_name, 3 job,
-- 4 last_due_at (the slot claimed), 5 claimed_by
UPDATE wms_job_schedule SET last_due_at = ?
WHERE connection_name = ? AND job = ? AND last_due_at = ? AND claimed_by = ?
