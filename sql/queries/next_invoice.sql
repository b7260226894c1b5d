-- next_invoice: the next invoice id, and how many invoices the order has.
-- Parameters: 1 order_id. Columns: next invoice_id, invoices of the order
SELECT CAST(COALESCE((SELECT MAX(invoice_id) FROM invoice), 0) + 1 AS VARCHAR(20)),
       CAST((SELECT COUNT(*) FROM invoice WHERE order_id = CAST(? AS INTEGER)) AS VARCHAR(20))
