-- select_same_number_purchase_orders: as select_same_number_customer_orders.sql for purchase
-- orders: the live ones of the connection's scope whose number another purchase order has too.
-- Parameters: 1 connected warehouse codes joined as ',MAIN,NORTH,', 2 start date,
--   3 and 4 one number or empty for all.
-- Columns: po_no, po_id (ascending by number, then id)
SELECT p.po_no,
       p.po_id
FROM purchase_order p
JOIN warehouse w ON w.warehouse_id = p.warehouse_id
WHERE ? LIKE '%,' || w.code || ',%'
  AND p.delivery_date >= ?
  AND (p.status IS NULL OR p.status <> 'CANCELLED')
  AND (? = '' OR p.po_no = ?)
  AND p.po_no IN (SELECT d.po_no FROM purchase_order d GROUP BY d.po_no HAVING COUNT(*) > 1)
ORDER BY p.po_no, p.po_id
