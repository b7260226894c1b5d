-- select_internal_order_for_delivery: as select_customer_order_for_delivery.sql for an internal
-- order. Parameters: 1 io_id. Same columns (no description, price or payment method).
SELECT CAST(l.line_no AS VARCHAR(10)), l.article_no, a.article_type, CAST(NULL AS VARCHAR(200)),
       CAST(l.quantity AS VARCHAR(40)), CAST(l.delivered_qty AS VARCHAR(40)),
       CAST(NULL AS VARCHAR(40)), i.io_no, CAST(NULL AS VARCHAR(20)), i.status
FROM internal_order i
JOIN internal_order_line l ON l.io_id = i.io_id
LEFT JOIN article a ON a.article_no = l.article_no
WHERE i.io_id = CAST(? AS INTEGER)
ORDER BY l.line_no
