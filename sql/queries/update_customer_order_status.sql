-- update_customer_order_status: PARTIALLY_DELIVERED or DELIVERED. Parameters: 1 status, 2 order_id
UPDATE customer_order SET status = ? WHERE order_id = CAST(? AS INTEGER)
