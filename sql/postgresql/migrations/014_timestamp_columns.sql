-- The wms_ tables' times as a timestamp type on PostgreSQL (issue 14, point 8; docs/dba.md).
-- Until now every one of them was text holding UTC as 'YYYY-MM-DD HH:MM:SS', without a zone.
-- Each becomes `timestamp` (without time zone) holding the same UTC wall time: the same instant,
-- byte for byte the same text when read back. Not `timestamptz`: PostgreSQL reads a zoneless
-- text bound to a timestamptz in the session's TimeZone (the server's, e.g. Europe/Stockholm)
-- and prints it back in that zone with an offset, so a UTC text would be stored an hour or two
-- off (and one in the spring's missing hour moved), unless every statement converted it or the
-- session were forced to UTC, which would change how the site's own timestamptz columns read.
-- A `timestamp` is taken and given as it is, by both drivers alike, so every statement in
-- sql/queries/ stays as it was. A DBA compares with `now() AT TIME ZONE 'UTC'`, or gets a
-- timestamptz with `started_at AT TIME ZONE 'UTC'`.
-- PostgreSQL changes no column type a view uses: the views over these columns are dropped and
-- created again below (the same columns; the DBA views without their casts). A site's own views
-- over these columns must be dropped before `db migrate` and created again after it.
DROP VIEW IF EXISTS wms_v_last_run_problems;
DROP VIEW IF EXISTS wms_v_runs_per_day;
DROP VIEW IF EXISTS wms_document_status;
ALTER TABLE wms_run
  ALTER COLUMN started_at TYPE timestamp USING CAST(started_at AS timestamp),
  ALTER COLUMN finished_at TYPE timestamp USING CAST(finished_at AS timestamp);
ALTER TABLE wms_run_record
  ALTER COLUMN recorded_at TYPE timestamp USING CAST(recorded_at AS timestamp);
ALTER TABLE wms_sync_state
  ALTER COLUMN first_sent_at TYPE timestamp USING CAST(first_sent_at AS timestamp),
  ALTER COLUMN last_sent_at TYPE timestamp USING CAST(last_sent_at AS timestamp),
  ALTER COLUMN last_attempt_at TYPE timestamp USING CAST(last_attempt_at AS timestamp),
  ALTER COLUMN handling_started_at TYPE timestamp USING CAST(handling_started_at AS timestamp);
ALTER TABLE wms_send_request
  ALTER COLUMN requested_at TYPE timestamp USING CAST(requested_at AS timestamp),
  ALTER COLUMN processed_at TYPE timestamp USING CAST(processed_at AS timestamp);
ALTER TABLE wms_job_lock
  ALTER COLUMN locked_at TYPE timestamp USING CAST(locked_at AS timestamp),
  ALTER COLUMN expires_at TYPE timestamp USING CAST(expires_at AS timestamp);
ALTER TABLE wms_job_schedule
  ALTER COLUMN last_due_at TYPE timestamp USING CAST(last_due_at AS timestamp),
  ALTER COLUMN claimed_at TYPE timestamp USING CAST(claimed_at AS timestamp);
ALTER TABLE wms_retired_number
  ALTER COLUMN retired_at TYPE timestamp USING CAST(retired_at AS timestamp);
ALTER TABLE wms_stock_journal
  ALTER COLUMN adjusted_at TYPE timestamp USING CAST(adjusted_at AS timestamp);
ALTER TABLE wms_schema_version
  ALTER COLUMN applied_at TYPE timestamp USING CAST(applied_at AS timestamp);
-- A watermark is a time in its job's clock (an export job's: the ERP's updated_at, in the ERP's
-- own time; a read-back's and a full comparison's mark: UTC), the same wall time kept as it is.
-- One that is no time at all (an ERP's updated_at in a form nobody can read) is dropped rather
-- than failing the upgrade: its job's next run reads everything, as its first run did.
DELETE FROM wms_watermark
WHERE value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?$';
ALTER TABLE wms_watermark
  ALTER COLUMN value TYPE timestamp USING CAST(value AS timestamp);
-- wms_document_status as migration 001 made it; sent_at is now a timestamp.
CREATE VIEW wms_document_status AS
SELECT s.connection_name, s.doc_type, s.doc_no, s.status, s.last_sent_at AS sent_at, s.message
FROM wms_sync_state s
UNION ALL
SELECT NULL, 'article', a.article_no, 'NOT_SENT', NULL, NULL
FROM article a
WHERE a.is_active = TRUE
  AND NOT EXISTS (SELECT 1 FROM wms_sync_state s WHERE s.doc_type = 'article' AND s.doc_no = a.article_no)
UNION ALL
SELECT NULL, 'customer_order', o.order_no, 'NOT_SENT', NULL, NULL
FROM customer_order o
WHERE NOT EXISTS (SELECT 1 FROM wms_sync_state s WHERE s.doc_type = 'customer_order' AND s.doc_no = o.order_no)
UNION ALL
SELECT NULL, 'purchase_order', p.po_no, 'NOT_SENT', NULL, NULL
FROM purchase_order p
WHERE NOT EXISTS (SELECT 1 FROM wms_sync_state s WHERE s.doc_type = 'purchase_order' AND s.doc_no = p.po_no)
UNION ALL
SELECT NULL, 'internal_order', i.io_no, 'NOT_SENT', NULL, NULL
FROM internal_order i
WHERE NOT EXISTS (SELECT 1 FROM wms_sync_state s WHERE s.doc_type = 'internal_order' AND s.doc_no = i.io_no);
-- The DBA views of migration 013, the same columns and types, without casts.
CREATE VIEW wms_v_last_run_problems AS
SELECT r.connection_name, r.job, r.run_id, r.started_at, r.finished_at,
       r.status AS run_status, rr.doc_type, rr.doc_no, rr.outcome, rr.reason, rr.recorded_at
FROM wms_run r
JOIN wms_run_record rr ON rr.run_id = r.run_id
WHERE rr.outcome IN ('rejected', 'failed', 'held')
  AND r.run_id = (SELECT MAX(l.run_id) FROM wms_run l
                  WHERE l.connection_name = r.connection_name AND l.job = r.job
                    AND l.finished_at IS NOT NULL);
CREATE VIEW wms_v_runs_per_day AS
SELECT CAST(started_at AS DATE) AS run_date, connection_name, job,
       COUNT(*) AS runs,
       SUM(CASE WHEN status = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,
       SUM(CASE WHEN status = 'COMPLETED_WITH_REJECTS' THEN 1 ELSE 0 END) AS completed_with_rejects,
       SUM(CASE WHEN status = 'STOPPED' THEN 1 ELSE 0 END) AS stopped,
       SUM(CASE WHEN status = 'ABORTED' THEN 1 ELSE 0 END) AS aborted,
       SUM(CASE WHEN status = 'RUNNING' THEN 1 ELSE 0 END) AS running,
       SUM(sent_count) AS sent, SUM(unchanged_count) AS unchanged,
       SUM(rejected_count) AS rejected, SUM(failed_count) AS failed,
       SUM(skipped_count) AS skipped
FROM wms_run
GROUP BY CAST(started_at AS DATE), connection_name, job;
