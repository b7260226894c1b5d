-- select_same_number_customer_orders: the live customer orders of the connection's scope (a
-- connected warehouse, delivery date on or after the start date, not cancelled; a deleted order
-- is gone) whose number another customer order has too. Two live orders under one number are
-- never sent, so that one cannot overwrite the other in Ongoing (docs/customer-order-job.md).
-- Read once per run. A number with only one row here has no live twin in scope.
-- Parameters: 1 connected warehouse codes joined as ',MAIN,NORTH,', 2 start date,
--   3 and 4 one order number or empty for all.
-- Columns: order_no, order_id (ascending by number, then id)
SELECT o.order_no,
       o.order_id
FROM customer_order o
JOIN warehouse w ON w.warehouse_id = o.warehouse_id
WHERE ? LIKE '%,' || w.code || ',%'
  AND o.delivery_date >= ?
  AND (o.status IS NULL OR o.status <> 'CANCELLED')
  AND (? = '' OR o.order_no = ?)
  AND o.order_no IN (SELECT d.order_no FROM customer_order d
                     GROUP BY d.order_no HAVING COUNT(*) > 1)
ORDER BY o.order_no, o.order_id
