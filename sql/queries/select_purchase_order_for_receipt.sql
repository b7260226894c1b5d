-- select_purchase_order_for_receipt: the lines a receipt report is applied to (R22).
-- Parameters: 1 po_id. Columns: line_no, article_no, quantity, received_qty
SELECT CAST(l.line_no AS VARCHAR(10)), l.article_no, CAST(l.quantity AS VARCHAR(40)),
       CAST(l.received_qty AS VARCHAR(40))
FROM purchase_order_line l
WHERE l.po_id = CAST(? AS INTEGER)
ORDER BY l.line_no
