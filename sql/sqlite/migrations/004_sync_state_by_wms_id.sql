-- Read-back finds the document Ongoing reports by Ongoing's id: one index lookup per document.
CREATE INDEX IF NOT EXISTS wms_sync_state_wms_id ON wms_sync_state (connection_name, wms_id);
