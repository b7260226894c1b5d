-- insert_stock_balance: the ERP's first stock row of an article in a warehouse, at Ongoing's
-- figure (R25). Parameters: 1 article_no, 2 warehouse_id, 3 quantity (text), 4 updated_at
INSERT INTO stock_balance (article_no, warehouse_id, quantity, updated_at)
VALUES (?, CAST(? AS INTEGER), CAST(? AS NUMERIC(12,3)), ?)
