-- update_purchase_order_status: PARTIALLY_RECEIVED or RECEIVED. Parameters: 1 status, 2 po_id
UPDATE purchase_order SET status = ? WHERE po_id = CAST(? AS INTEGER)
