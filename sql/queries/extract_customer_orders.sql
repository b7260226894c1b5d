-- extract_customer_orders: one page of customer orders to consider for export (R3-R6, R12-R17),
-- keyset-paged by order_id. Only orders of a connected warehouse with a delivery date on or after
-- the start date. Incremental runs take orders changed since the watermark, never sent, in error,
-- still open in Ongoing (SENT: Ongoing takes updates, so every run compares them by payload hash;
-- a line edited without touching the order's updated_at is caught this way; not one whose change
-- Ongoing refused because picking had started, handling_started_at), whose number's state
-- belongs to another order (two orders under one number are refused every run until the ERP is
-- corrected), or named by a pending send request; a manual send names one order number.
-- The start date leaves out only what is surely a date before it: a delivery date that is NULL,
-- that date() cannot read (SQLite's text: '0000-00-00', '2026-13-01') or whose month and day some
-- calendars lack ('2026-02-30') goes to the transform, whose date reader refuses it or, for a real
-- date before the start date (29 February of a leap year), leaves it out (R4, R30). On PostgreSQL
-- date() is a cast: the column must be a date or timestamp, as in the reference schema.
-- Parameters: 1 connection_name (twice: 1 and 2), 3 order_id after which to continue,
--   4 connected warehouse codes
--   joined as ',MAIN,NORTH,', 5 start date, 6 full comparison (1/0), 7 watermark (text),
--   8 and 9 one order number or empty for all, 10 page size.
-- Columns: order_id, order_no, warehouse_code, order_date, delivery_date, currency_code,
--   currency_known_in_erp (1/0), delivery_method_id, delivery_method_key, dm_code, dm_carrier_code,
--   dm_carrier_service_code, pickup_point_code, pickup_point_name, delivery_name, delivery_address,
--   delivery_address2, delivery_postcode, delivery_city, delivery_country_code, delivery_email,
--   delivery_phone, reference, remark, payment_method, status, updated_at, customer_no,
--   last_payload_hash, last_status, last_erp_id, last_wms_id, number_retired_by_other (1/0: a
--   deleted order used this number and Ongoing keeps it, R17),
--   refused_payload_hash (R32: the payload Ongoing last refused),
--   nul_texts (last): the text columns (named, space-separated) that hold a NUL character, which
--   the SQLite ODBC driver would silently cut at; on SQLite a text with a NUL is unequal to
--   its own first length() characters, on PostgreSQL (no NUL in text) the column is empty.
SELECT o.order_id,
       o.order_no,
       w.code,
       CAST(o.order_date AS VARCHAR(32)),
       CAST(o.delivery_date AS VARCHAR(32)),
       o.currency_code,
       CAST(CASE WHEN o.currency_code IS NULL OR cur.code IS NOT NULL THEN 1 ELSE 0 END AS VARCHAR(1)),
       CAST(o.delivery_method_id AS VARCHAR(20)),
       o.delivery_method_key,
       dm.code,
       dm.carrier_code,
       dm.carrier_service_code,
       o.pickup_point_code,
       o.pickup_point_name,
       o.delivery_name,
       o.delivery_address,
       o.delivery_address2,
       o.delivery_postcode,
       o.delivery_city,
       o.delivery_country_code,
       o.delivery_email,
       o.delivery_phone,
       o.reference,
       o.remark,
       o.payment_method,
       o.status,
       CAST(o.updated_at AS VARCHAR(32)),
       c.customer_no,
       s.payload_hash,
       s.status,
       s.erp_id,
       CAST(s.wms_id AS VARCHAR(20)),
       CAST(CASE WHEN EXISTS (SELECT 1 FROM wms_retired_number r
                              WHERE r.connection_name = ? AND r.doc_type = 'customer_order'
                                AND r.doc_no = o.order_no
                                AND r.erp_id <> CAST(o.order_id AS VARCHAR(20)))
                 THEN 1 ELSE 0 END AS VARCHAR(1)),
       s.refused_payload_hash,
       CASE WHEN o.order_no <> substr(o.order_no, 1, length(o.order_no))
            THEN ' order_no' ELSE '' END
         || CASE WHEN o.currency_code <> substr(o.currency_code, 1, length(o.currency_code))
                 THEN ' currency_code' ELSE '' END
         || CASE WHEN dm.carrier_code <> substr(dm.carrier_code, 1, length(dm.carrier_code))
                 THEN ' delivery_method.carrier_code' ELSE '' END
         || CASE WHEN dm.carrier_service_code <> substr(dm.carrier_service_code, 1, length(dm.carrier_service_code))
                 THEN ' delivery_method.carrier_service_code' ELSE '' END
         || CASE WHEN o.pickup_point_code <> substr(o.pickup_point_code, 1, length(o.pickup_point_code))
                 THEN ' pickup_point_code' ELSE '' END
         || CASE WHEN o.delivery_name <> substr(o.delivery_name, 1, length(o.delivery_name))
                 THEN ' delivery_name' ELSE '' END
         || CASE WHEN o.delivery_address <> substr(o.delivery_address, 1, length(o.delivery_address))
                 THEN ' delivery_address' ELSE '' END
         || CASE WHEN o.delivery_address2 <> substr(o.delivery_address2, 1, length(o.delivery_address2))
                 THEN ' delivery_address2' ELSE '' END
         || CASE WHEN o.delivery_postcode <> substr(o.delivery_postcode, 1, length(o.delivery_postcode))
                 THEN ' delivery_postcode' ELSE '' END
         || CASE WHEN o.delivery_city <> substr(o.delivery_city, 1, length(o.delivery_city))
                 THEN ' delivery_city' ELSE '' END
         || CASE WHEN o.delivery_country_code <> substr(o.delivery_country_code, 1, length(o.delivery_country_code))
                 THEN ' delivery_country_code' ELSE '' END
         || CASE WHEN o.delivery_email <> substr(o.delivery_email, 1, length(o.delivery_email))
                 THEN ' delivery_email' ELSE '' END
         || CASE WHEN o.delivery_phone <> substr(o.delivery_phone, 1, length(o.delivery_phone))
                 THEN ' delivery_phone' ELSE '' END
         || CASE WHEN o.reference <> substr(o.reference, 1, length(o.reference))
                 THEN ' reference' ELSE '' END
         || CASE WHEN o.remark <> substr(o.remark, 1, length(o.remark)) THEN ' remark' ELSE '' END
         || CASE WHEN c.customer_no <> substr(c.customer_no, 1, length(c.customer_no))
                 THEN ' customer.customer_no' ELSE '' END
FROM customer_order o
JOIN warehouse w ON w.warehouse_id = o.warehouse_id
LEFT JOIN customer c ON c.customer_id = o.customer_id
LEFT JOIN currency cur ON cur.code = o.currency_code
LEFT JOIN delivery_method dm
       ON (o.delivery_method_id IS NOT NULL AND dm.delivery_method_id = o.delivery_method_id)
       OR (o.delivery_method_id IS NULL AND dm.external_key = o.delivery_method_key)
LEFT JOIN wms_sync_state s
       ON s.connection_name = ? AND s.doc_type = 'customer_order' AND s.doc_no = o.order_no
WHERE o.order_id > ?
  AND ? LIKE '%,' || w.code || ',%'
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
ORDER BY o.order_id
LIMIT ?
