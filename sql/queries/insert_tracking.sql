-- insert_tracking: a new parcel of an order (R26), numbered after the ones already there.
-- Parameters: 1 order_id, 2 order_id, 3 tracking_no, 4 tracking_url, 5 carrier_code, 6 shipped_at
INSERT INTO shipment_tracking (order_id, parcel_no, tracking_no, tracking_url, carrier_code, shipped_at)
SELECT CAST(? AS INTEGER),
       COALESCE((SELECT MAX(parcel_no) FROM shipment_tracking WHERE order_id = CAST(? AS INTEGER)), 0) + 1,
       ?, ?, ?, ?
