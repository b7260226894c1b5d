-- insert_job_schedule: a job's first claimed slot; fails on the primary key when another runner
-- inserted first. Parameters: 1 connection_name, 2 job, 3 last_due_at, 4 claimed_by, 5 claimed_at
INSERT INTO wms_job_schedule (connection_name, job, last_due_at, claimed_by, claimed_at)
VALUES (?, ?, ?, ?, ?)
