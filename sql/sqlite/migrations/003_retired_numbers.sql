-- A document deleted in the ERP and cancelled in Ongoing keeps its number in Ongoing (R17, R19b).
-- Its state moves here, so that a new document reusing the number is recognised before sending.
CREATE TABLE IF NOT EXISTS wms_retired_number (
  connection_name TEXT NOT NULL,
  doc_type TEXT NOT NULL,
  doc_no TEXT NOT NULL,
  erp_id TEXT NOT NULL,
  wms_id INTEGER,
  retired_at TEXT NOT NULL,
  PRIMARY KEY (connection_name, doc_type, doc_no, erp_id)
);
