-- select_customer_order_for_delivery: the lines a delivery report is applied to.
-- Parameters: 1 order_id. Columns: line_no, article_no, article_type, description, quantity,
--   delivered_qty, unit_price, order_no, payment_method, status (the order's)
SELECT CAST(l.line_no AS VARCHAR(10)), l.article_no, a.article_type, l.description,
       CAST(l.quantity AS VARCHAR(40)), CAST(l.delivered_qty AS VARCHAR(40)),
       CAST(l.unit_price AS VARCHAR(40)), o.order_no, o.payment_method, o.status
FROM customer_order o
JOIN customer_order_line l ON l.order_id = o.order_id
LEFT JOIN article a ON a.article_no = l.article_no
WHERE o.order_id = CAST(? AS INTEGER)
ORDER BY l.line_no
