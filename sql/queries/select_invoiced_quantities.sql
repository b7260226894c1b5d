-- select_invoiced_quantities: what was invoiced so far per order line (R19).
-- Parameters: 1 order_id. Columns: line_no, quantity invoiced
SELECT CAST(il.line_no AS VARCHAR(10)), CAST(SUM(il.quantity) AS VARCHAR(40))
FROM invoice i JOIN invoice_line il ON il.invoice_id = i.invoice_id
WHERE i.order_id = CAST(? AS INTEGER)
GROUP BY il.line_no
