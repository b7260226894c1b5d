-- insert_stock_snapshot: Ongoing's stock of one article in one connected warehouse, as read now.
-- Parameters: 1 connection_name, 2 run_id, 3 ERP warehouse_id, 4 article_no, 5 quantity (text)
INSERT INTO wms_stock_snapshot (connection_name, run_id, warehouse_id, article_no, wms_quantity)
VALUES (?, ?, CAST(? AS INTEGER), ?, CAST(? AS NUMERIC(12,3)))
