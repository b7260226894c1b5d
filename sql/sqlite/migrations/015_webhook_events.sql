-- Ongoing's webhooks (R34, issue 16; docs/webhooks.md): the receiver only inserts an accepted
-- call here and answers; the daemon's worker reads the named document from Ongoing by id and
-- applies it with the read-back code, under the same job lease as the scheduled read.
-- kind: ORDER (orders webhook: wms_id = Ongoing's OrderId), IN_ORDER (purchase-orders
-- webhook: InOrderId), STOCK (inventory webhook: ArticleSystemId; doc_no = the article number).
-- next_attempt_at: after a failed attempt, not tried again before it (a back-off).
-- state: WAITING (to do), DONE (applied by run run_id, or by a stock run), FAILED (given up
-- after the worker's attempts; the scheduled read still catches it). Times are UTC text.
CREATE TABLE IF NOT EXISTS wms_webhook_events (
  event_id INTEGER PRIMARY KEY AUTOINCREMENT,
  connection_name TEXT NOT NULL,
  kind TEXT NOT NULL,
  wms_id INTEGER NOT NULL,
  doc_no TEXT,
  webhook_event_id INTEGER,
  received_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'WAITING',
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  next_attempt_at TEXT,
  done_at TEXT,
  run_id INTEGER
);
CREATE INDEX IF NOT EXISTS wms_webhook_events_waiting
  ON wms_webhook_events (connection_name, state, kind, wms_id);
