-- update_internal_order_status: PARTIALLY_DELIVERED or DELIVERED. Parameters: 1 status, 2 io_id
UPDATE internal_order SET status = ? WHERE io_id = CAST(? AS INTEGER)
