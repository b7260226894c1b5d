-- extract_internal_orders: internal orders (transfers between warehouses) named for a manual
-- send (R23, R24), keyset-paged by io_id; each with both warehouses and the to-warehouse's
-- address, which becomes the delivery address in Ongoing.
-- Parameters: 1 and 2 connected warehouse codes joined as ',MAIN,NORTH,', 3 and 4
--   connection_name, 5 io_id after which to continue, 6 the internal order number, 7 page size.
-- Columns: io_id, io_no, from_code, from_connected (1/0), to_code, to_connected (1/0), to_name,
--   to_address, to_postcode, to_city, to_country_code, delivery_date, status, updated_at,
--   last_payload_hash, last_status, last_erp_id, last_wms_id, number_retired_by_other (1/0),
--   refused_payload_hash (R32: the payload Ongoing last refused),
--   nul_texts (last): the text columns (named, space-separated) that hold a NUL character, which
--   the SQLite ODBC driver would silently cut at; on SQLite a text with a NUL is unequal to
--   its own first length() characters, on PostgreSQL (no NUL in text) the column is empty.
SELECT i.io_id,
       i.io_no,
       f.code,
       CAST(CASE WHEN ? LIKE '%,' || f.code || ',%' THEN 1 ELSE 0 END AS VARCHAR(1)),
       t.code,
       CAST(CASE WHEN ? LIKE '%,' || t.code || ',%' THEN 1 ELSE 0 END AS VARCHAR(1)),
       t.name,
       t.address,
       t.postcode,
       t.city,
       t.country_code,
       CAST(i.delivery_date AS VARCHAR(32)),
       i.status,
       CAST(i.updated_at AS VARCHAR(32)),
       s.payload_hash,
       s.status,
       s.erp_id,
       CAST(s.wms_id AS VARCHAR(20)),
       CAST(CASE WHEN EXISTS (SELECT 1 FROM wms_retired_number r
                              WHERE r.connection_name = ? AND r.doc_type = 'internal_order'
                                AND r.doc_no = i.io_no
                                AND r.erp_id <> CAST(i.io_id AS VARCHAR(20)))
                 THEN 1 ELSE 0 END AS VARCHAR(1)),
       s.refused_payload_hash,
       CASE WHEN i.io_no <> substr(i.io_no, 1, length(i.io_no)) THEN ' io_no' ELSE '' END
         || CASE WHEN f.code <> substr(f.code, 1, length(f.code))
                 THEN ' from_warehouse.code' ELSE '' END
         || CASE WHEN t.code <> substr(t.code, 1, length(t.code))
                 THEN ' to_warehouse.code' ELSE '' END
         || CASE WHEN t.name <> substr(t.name, 1, length(t.name))
                 THEN ' to_warehouse.name' ELSE '' END
         || CASE WHEN t.address <> substr(t.address, 1, length(t.address))
                 THEN ' to_warehouse.address' ELSE '' END
         || CASE WHEN t.postcode <> substr(t.postcode, 1, length(t.postcode))
                 THEN ' to_warehouse.postcode' ELSE '' END
         || CASE WHEN t.city <> substr(t.city, 1, length(t.city))
                 THEN ' to_warehouse.city' ELSE '' END
         || CASE WHEN t.country_code <> substr(t.country_code, 1, length(t.country_code))
                 THEN ' to_warehouse.country_code' ELSE '' END
FROM internal_order i
LEFT JOIN warehouse f ON f.warehouse_id = i.from_warehouse_id
LEFT JOIN warehouse t ON t.warehouse_id = i.to_warehouse_id
LEFT JOIN wms_sync_state s
       ON s.connection_name = ? AND s.doc_type = 'internal_order' AND s.doc_no = i.io_no
WHERE i.io_id > ?
  AND i.io_no = ?
ORDER BY i.io_id
LIMIT ?
