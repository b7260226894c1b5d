-- count_customer_orders: how many live customer orders a run will consider (its progress total,
-- besides the deleted ones it cancels); the FROM and WHERE of extract_customer_orders.sql without
-- the keyset and the page size. A site that changes that file's WHERE changes this one alike (a
-- wrong count only misleads the progress bar).
-- Parameters: 1 connection_name, 2 connected warehouse codes joined as ',MAIN,NORTH,',
--   3 start date, 4 full comparison (1/0), 5 watermark (text), 6 and 7 one order number or empty.
-- Columns: the count.
SELECT COUNT(*)
FROM customer_order o
JOIN warehouse w ON w.warehouse_id = o.warehouse_id
LEFT JOIN wms_sync_state s
       ON s.connection_name = ? AND s.doc_type = 'customer_order' AND s.doc_no = o.order_no
WHERE ? LIKE '%,' || w.code || ',%'
  AND (o.delivery_date >= ?
       OR o.delivery_date IS NULL OR date(o.delivery_date) IS NULL
       OR SUBSTR(CAST(o.delivery_date AS VARCHAR(32)), 6, 5)
          IN ('02-29', '02-30', '02-31', '04-31', '06-31', '09-31', '11-31'))
  AND (? = 1 OR s.doc_no IS NULL OR s.status = 'ERROR' OR o.updated_at >= ?
       OR (s.status = 'SENT' AND s.handling_started_at IS NULL)
       OR s.erp_id <> CAST(o.order_id AS VARCHAR(20))
       OR EXISTS (SELECT 1 FROM wms_send_request r WHERE r.doc_type = 'customer_order'
                  AND r.doc_no = o.order_no AND r.processed_at IS NULL))
  AND (? = '' OR o.order_no = ?)
