-- select_tracking_numbers: the parcels already on an order (R26). Parameters: 1 order_id.
-- Columns: tracking_no
SELECT tracking_no FROM shipment_tracking WHERE order_id = CAST(? AS INTEGER)
