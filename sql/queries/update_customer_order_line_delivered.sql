-- update_customer_order_line_delivered: set (never add to) a line's delivered quantity (R18).
-- Parameters: 1 delivered quantity (text), 2 order_id, 3 line_no
UPDATE customer_order_line SET delivered_qty = CAST(? AS NUMERIC(12,3))
WHERE order_id = CAST(? AS INTEGER) AND line_no = CAST(? AS INTEGER)
