-- update_purchase_order_line_received: set (never add to) a line's received quantity (R22).
-- Parameters: 1 received quantity (text), 2 po_id, 3 line_no
UPDATE purchase_order_line SET received_qty = CAST(? AS NUMERIC(12,3))
WHERE po_id = CAST(? AS INTEGER) AND line_no = CAST(? AS INTEGER)
