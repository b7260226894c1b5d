-- insert_stock_change: a change of Ongoing's change feed that this run takes up.
-- Parameters: 1 connection_name, 2 article_system_id, 3 inventory_id, 4 article_no,
--             5 ERP warehouse_id ('' when the warehouse is not compared), 6 run_id,
--             7 applied (1 when there is nothing to apply: a warehouse not compared)
INSERT INTO wms_stock_change (connection_name, article_system_id, inventory_id, article_no,
                              warehouse_id, run_id, applied)
VALUES (?, ?, ?, ?, CAST(NULLIF(?, '') AS INTEGER), ?, ?)
