-- select_purchase_order_for_receipt: the lines a receipt report is applied to (R22).
-- Parameters: 1 po_id. Columns: line_no, article_no, article_type (SERVICE lines are never
--   sent, so never received: the status is judged on the other lines), quantity, received_qty
SELECT CAST(l.line_no AS VARCHAR(10)), l.article_no, a.article_type,
       CAST(l.quantity AS VARCHAR(40)), CAST(l.received_qty AS VARCHAR(40))
FROM purchase_order_line l
LEFT JOIN article a ON a.article_no = l.article_no
WHERE l.po_id = CAST(? AS INTEGER)
ORDER BY l.line_no
