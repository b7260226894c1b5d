-- select_warehouse_codes: the codes of the ERP's warehouses, to check that every warehouse a
-- connection names (its `warehouses` key, R3) exists. No parameters.
-- Columns: code
SELECT code FROM warehouse WHERE code IS NOT NULL ORDER BY code
