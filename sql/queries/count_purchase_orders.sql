-- count_purchase_orders: how many live purchase orders a run will consider (its progress total,
-- besides the deleted ones it cancels); the FROM and WHERE of extract_purchase_orders.sql without
-- the keyset and the page size. A site that changes that file's WHERE changes this one alike (a
-- wrong count only misleads the progress bar).
-- Parameters: 1 connection_name, 2 connected warehouse codes joined as ',MAIN,NORTH,',
--   3 start date, 4 full comparison (1/0), 5 watermark (text), 6 and 7 one number or empty.
-- Columns: the count.
SELECT COUNT(*)
FROM purchase_order p
JOIN warehouse w ON w.warehouse_id = p.warehouse_id
LEFT JOIN wms_sync_state s
       ON s.connection_name = ? AND s.doc_type = 'purchase_order' AND s.doc_no = p.po_no
WHERE ? LIKE '%,' || w.code || ',%'
  AND (p.delivery_date >= ?
       OR p.delivery_date IS NULL OR date(p.delivery_date) IS NULL
       OR SUBSTR(CAST(p.delivery_date AS VARCHAR(32)), 6, 5)
          IN ('02-29', '02-30', '02-31', '04-31', '06-31', '09-31', '11-31'))
  AND (? = 1 OR s.doc_no IS NULL OR s.status = 'ERROR' OR p.updated_at >= ?
       OR (s.status = 'SENT' AND s.handling_started_at IS NULL)
       OR s.erp_id <> CAST(p.po_id AS VARCHAR(20))
       OR EXISTS (SELECT 1 FROM wms_send_request r WHERE r.doc_type = 'purchase_order'
                  AND r.doc_no = p.po_no AND r.processed_at IS NULL))
  AND (? = '' OR p.po_no = ?)
