-- extract_vanished_internal_orders: internal orders the connection sent that are gone from the
-- ERP (deleted): cancelled in Ongoing at the next run of the internal-order job (R23).
-- Parameters: 1 connection_name. Columns: doc_no, erp_id, wms_id,
--   status (as last recorded: one the warehouse has handled, e.g. DELIVERED, is not cancelled),
--   refused_payload_hash ('remove' once Ongoing refused the cancel: held until a person asks)
SELECT s.doc_no, s.erp_id, CAST(s.wms_id AS VARCHAR(20)), s.status, s.refused_payload_hash
FROM wms_sync_state s
WHERE s.connection_name = ? AND s.doc_type = 'internal_order'
  AND s.status <> 'CANCELLED' AND s.wms_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM internal_order i WHERE i.io_id = CAST(s.erp_id AS INTEGER))
ORDER BY s.doc_no
