-- update_internal_order_line_delivered: as for customer orders. Parameters: 1 quantity, 2 io_id, 3 line_no
UPDATE internal_order_line SET delivered_qty = CAST(? AS NUMERIC(12,3))
WHERE io_id = CAST(? AS INTEGER) AND line_no = CAST(? AS INTEGER)
