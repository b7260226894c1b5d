-- insert_invoice: an invoice for what one delivery delivered (R19).
-- Parameters: 1 invoice_id, 2 invoice_no, 3 order_id, 4 created_at, 5 total, 6 activate_klarna (1/0)
INSERT INTO invoice (invoice_id, invoice_no, order_id, created_at, total, activate_klarna)
VALUES (CAST(? AS INTEGER), ?, CAST(? AS INTEGER), ?, CAST(? AS NUMERIC(12,2)),
        CASE WHEN ? = 1 THEN TRUE ELSE FALSE END)
