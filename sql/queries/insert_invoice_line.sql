-- insert_invoice_line: one line of an invoice. Parameters: 1 invoice_id, 2 line_no,
-- 3 article_no, 4 description, 5 quantity, 6 unit_price
INSERT INTO invoice_line (invoice_id, line_no, article_no, description, quantity, unit_price)
VALUES (CAST(? AS INTEGER), CAST(? AS INTEGER), ?, ?, CAST(? AS NUMERIC(12,3)), CAST(? AS NUMERIC(12,2)))
