-- Views for the DBA (docs/dba.md), PostgreSQL. Read-only views over the wms_ tables; nothing reads
-- them but people and their reports. The wms_ tables keep their times as UTC text (both ODBC
-- drivers bind them alike); these views show them as timestamp (without time zone, UTC) and the
-- day as date, so reports can compute with them.
-- wms_v_last_run_problems: the documents refused ('rejected'), not sent because the WMS failed
-- ('failed') or held after Ongoing refused the same request ('held', R32) in the last finished
-- run of each connection and job, with the reason a person can act on (it names the field).
DROP VIEW IF EXISTS wms_v_last_run_problems;
CREATE VIEW wms_v_last_run_problems AS
SELECT r.connection_name, r.job, r.run_id,
       CAST(r.started_at AS TIMESTAMP) AS started_at,
       CAST(r.finished_at AS TIMESTAMP) AS finished_at,
       r.status AS run_status, rr.doc_type, rr.doc_no, rr.outcome, rr.reason,
       CAST(rr.recorded_at AS TIMESTAMP) AS recorded_at
FROM wms_run r
JOIN wms_run_record rr ON rr.run_id = r.run_id
WHERE rr.outcome IN ('rejected', 'failed', 'held')
  AND r.run_id = (SELECT MAX(l.run_id) FROM wms_run l
                  WHERE l.connection_name = r.connection_name AND l.job = r.job
                    AND l.finished_at IS NOT NULL);
-- wms_v_runs_per_day: runs per UTC day, connection and job, by outcome, with the documents'
-- counts summed (sent, unchanged, rejected, failed, skipped); `running` counts runs not yet
-- finished (or killed: the next run of the job closes those as ABORTED).
DROP VIEW IF EXISTS wms_v_runs_per_day;
CREATE VIEW wms_v_runs_per_day AS
SELECT CAST(substr(started_at, 1, 10) AS DATE) AS run_date, connection_name, job,
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
GROUP BY CAST(substr(started_at, 1, 10) AS DATE), connection_name, job;
