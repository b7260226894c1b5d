-- wms_document_status: what the ERP shows next to a document (contract, ERP-SCHEMA.md).
-- Documents the product has touched come from wms_sync_state; articles and documents it has
-- not touched yet show as NOT_SENT.
CREATE OR REPLACE VIEW wms_document_status AS
SELECT s.connection_name, s.doc_type, s.doc_no, s.status, s.last_sent_at AS sent_at, s.message
FROM wms_sync_state s
UNION ALL
SELECT NULL, 'article', a.article_no, 'NOT_SENT', NULL, NULL
FROM article a
WHERE a.is_active = TRUE
  AND NOT EXISTS (SELECT 1 FROM wms_sync_state s WHERE s.doc_type = 'article' AND s.doc_no = a.article_no)
UNION ALL
SELECT NULL, 'customer_order', o.order_no, 'NOT_SENT', NULL, NULL
FROM customer_order o
WHERE NOT EXISTS (SELECT 1 FROM wms_sync_state s WHERE s.doc_type = 'customer_order' AND s.doc_no = o.order_no)
UNION ALL
SELECT NULL, 'purchase_order', p.po_no, 'NOT_SENT', NULL, NULL
FROM purchase_order p
WHERE NOT EXISTS (SELECT 1 FROM wms_sync_state s WHERE s.doc_type = 'purchase_order' AND s.doc_no = p.po_no)
UNION ALL
SELECT NULL, 'internal_order', i.io_no, 'NOT_SENT', NULL, NULL
FROM internal_order i
WHERE NOT EXISTS (SELECT 1 FROM wms_sync_state s WHERE s.doc_type = 'internal_order' AND s.doc_no = i.io_no);
