-- update_stock_balance: set (never add to) the ERP's stock of one article in one warehouse to
-- Ongoing's figure (R25). Parameters: 1 quantity (text), 2 updated_at, 3 article_no, 4 warehouse_id
UPDATE stock_balance SET quantity = CAST(? AS NUMERIC(12,3)), updated_at = ?
WHERE article_no = ? AND warehouse_id = CAST(? AS INTEGER)
