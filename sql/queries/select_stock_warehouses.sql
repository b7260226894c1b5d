-- select_stock_warehouses: the ERP's warehouses by code, to find the ids of the connected ones.
-- No parameters. Columns: warehouse_id (text), code
SELECT CAST(warehouse_id AS VARCHAR(20)), code FROM warehouse WHERE code IS NOT NULL ORDER BY code
