-- claim_job_schedule: claims a later slot; changes nothing when that slot (or a later one) was
-- claimed already. Parameters: 1 last_due_at, 2 claimed_by, 3 claimed_at, 4 connection_name,
-- 5 job, 6 last_due_at (the same slot)
UPDATE wms_job_schedule SET last_due_at = ?, claimed_by = ?, claimed_at = ?
WHERE connection_name = ? AND job = ? AND last_due_at < ?
