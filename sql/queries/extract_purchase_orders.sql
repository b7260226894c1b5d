-- extract_purchase_orders: one page of purchase orders to consider for export as Ongoing in-orders
-- (R3, R4, R20, R21), keyset-paged by po_id; as extract_customer_orders.sql (also in what the
-- start date leaves out: only a delivery date surely before it).
-- Parameters: 1 connection_name, 2 connection_name, 3 po_id after which to continue,
--   4 connected warehouse codes joined as ',MAIN,NORTH,', 5 start date, 6 full comparison (1/0),
--   7 watermark (text), 8 and 9 one number or empty for all, 10 page size.
-- Columns: po_id, po_no, supplier_no, supplier_name, warehouse_code, order_date, delivery_date,
--   status, updated_at, last_payload_hash, last_status, last_erp_id, last_wms_id,
--   number_retired_by_other (1/0), refused_payload_hash (R32: the payload Ongoing last refused),
--   nul_texts (last): the text columns (named, space-separated) that hold a NUL character, which
--   the SQLite ODBC driver would silently cut at; on SQLite a text with a NUL is unequal to
--   its own first length() characters, on PostgreSQL (no NUL in text) the column is empty.
SELECT p.po_id,
       p.po_no,
       p.supplier_no,
       p.supplier_name,
       w.code,
       CAST(p.order_date AS VARCHAR(32)),
       CAST(p.delivery_date AS VARCHAR(32)),
       p.status,
       CAST(p.updated_at AS VARCHAR(32)),
       s.payload_hash,
       s.status,
       s.erp_id,
       CAST(s.wms_id AS VARCHAR(20)),
       CAST(CASE WHEN EXISTS (SELECT 1 FROM wms_retired_number r
                              WHERE r.connection_name = ? AND r.doc_type = 'purchase_order'
                                AND r.doc_no = p.po_no
                                AND r.erp_id <> CAST(p.po_id AS VARCHAR(20)))
                 THEN 1 ELSE 0 END AS VARCHAR(1)),
       s.refused_payload_hash,
       CASE WHEN p.po_no <> substr(p.po_no, 1, length(p.po_no)) THEN ' po_no' ELSE '' END
         || CASE WHEN p.supplier_no <> substr(p.supplier_no, 1, length(p.supplier_no))
                 THEN ' supplier_no' ELSE '' END
         || CASE WHEN p.supplier_name <> substr(p.supplier_name, 1, length(p.supplier_name))
                 THEN ' supplier_name' ELSE '' END
FROM purchase_order p
JOIN warehouse w ON w.warehouse_id = p.warehouse_id
LEFT JOIN wms_sync_state s
       ON s.connection_name = ? AND s.doc_type = 'purchase_order' AND s.doc_no = p.po_no
WHERE p.po_id > ?
  AND ? LIKE '%,' || w.code || ',%'
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
ORDER BY p.po_id
LIMIT ?
