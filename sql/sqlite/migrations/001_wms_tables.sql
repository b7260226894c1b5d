-- wmsbridge's own tables (prefix wms_), SQLite. Times are ISO 8601 text ('YYYY-MM-DD HH:MM:SS', UTC).
-- One row per run of one job for one connection.
CREATE TABLE IF NOT EXISTS wms_run (
  run_id INTEGER PRIMARY KEY AUTOINCREMENT,
  connection_name TEXT NOT NULL,
  job TEXT NOT NULL,
  mode TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,
  sent_count INTEGER NOT NULL DEFAULT 0,
  unchanged_count INTEGER NOT NULL DEFAULT 0,
  rejected_count INTEGER NOT NULL DEFAULT 0,
  failed_count INTEGER NOT NULL DEFAULT 0,
  skipped_count INTEGER NOT NULL DEFAULT 0,
  message TEXT,
  host TEXT,
  pid INTEGER
);
-- One row per document a run sent, refused or could not send (unchanged ones are only counted).
CREATE TABLE IF NOT EXISTS wms_run_record (
  run_id INTEGER NOT NULL,
  doc_type TEXT NOT NULL,
  doc_no TEXT NOT NULL,
  outcome TEXT NOT NULL,
  reason TEXT,
  recorded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS wms_run_record_run ON wms_run_record (run_id);
-- What the WMS last accepted, per connection and document.
CREATE TABLE IF NOT EXISTS wms_sync_state (
  connection_name TEXT NOT NULL,
  doc_type TEXT NOT NULL,
  doc_no TEXT NOT NULL,
  erp_id TEXT,
  wms_id INTEGER,
  payload_hash TEXT,
  status TEXT NOT NULL,
  first_sent_at TEXT,
  last_sent_at TEXT,
  last_attempt_at TEXT,
  message TEXT,
  last_run_id INTEGER,
  PRIMARY KEY (connection_name, doc_type, doc_no)
);
-- The ERP's "Send / Update at 3PL" action inserts here.
CREATE TABLE IF NOT EXISTS wms_send_request (
  request_id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_type TEXT NOT NULL,
  doc_no TEXT NOT NULL,
  connection_name TEXT,
  requested_at TEXT NOT NULL,
  processed_at TEXT,
  outcome TEXT,
  message TEXT
);
-- A job of a connection runs at most once at a time (R27).
CREATE TABLE IF NOT EXISTS wms_job_lock (
  connection_name TEXT NOT NULL,
  job TEXT NOT NULL,
  run_id INTEGER,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  locked_at TEXT NOT NULL,
  PRIMARY KEY (connection_name, job)
);
-- Incremental extraction: the ERP's own updated_at up to which a job has completed.
CREATE TABLE IF NOT EXISTS wms_watermark (
  connection_name TEXT NOT NULL,
  job TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (connection_name, job)
);
