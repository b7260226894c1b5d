-- The job lock becomes a lease (R27, issue 13): its holder renews expires_at while the run
-- lives; a lease whose expires_at has passed is taken over by the next runner, on any host,
-- which closes the dead run as ABORTED with its counts from wms_run_record. Times are UTC text
-- ('YYYY-MM-DD HH:MM:SS') written by the runners' clocks (keep hosts in time with NTP; the lease
-- lasts minutes, so seconds of skew do not matter).
ALTER TABLE wms_job_lock ADD COLUMN expires_at TEXT;
-- A lock taken before leases had no expiry: it counts as expired at once (stop the runners
-- before upgrading, as for every migration).
UPDATE wms_job_lock SET expires_at = locked_at WHERE expires_at IS NULL;
-- run-due (issue 13): per connection and job, the latest schedule slot a runner claimed and ran
-- (UTC text), so that a slot runs once however many runners call run-due, and a missed window
-- after downtime runs once. `job` is the job's name, or NAME-full for its full comparison.
CREATE TABLE IF NOT EXISTS wms_job_schedule (
  connection_name TEXT NOT NULL,
  job TEXT NOT NULL,
  last_due_at TEXT NOT NULL,
  claimed_by TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  PRIMARY KEY (connection_name, job)
);
