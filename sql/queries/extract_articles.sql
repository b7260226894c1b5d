-- extract_articles: one page of articles to consider for export (R7-R9), keyset-paged by article_id.
-- Active articles, plus inactive ones the connection has sent before (they go once more with
-- IsActive=false, so the warehouse sees the deactivation).
-- Parameters: 1 connection_name, 2 article_id after which to continue (0 at first),
--             3 full comparison (1) or incremental (0), 4 ERP updated_at watermark (text),
--             5 page size.
-- Columns (all text but the id; decimals and dates cast to text so both drivers agree):
--   article_id, article_no, article_type, name, supplier_article_no, barcode, intrastat_no,
--   weight_kg, volume_m3, is_active ('1'/'0'), updated_at, last_payload_hash, last_status,
--   refused_payload_hash (R32: the payload Ongoing last refused),
--   nul_texts (last): the text columns (named, space-separated) that hold a NUL character, which
--   the SQLite ODBC driver would silently cut at; on SQLite a text with a NUL is unequal to
--   its own first length() characters, on PostgreSQL (no NUL in text) the column is empty.
SELECT a.article_id,
       a.article_no,
       a.article_type,
       a.name,
       a.supplier_article_no,
       a.barcode,
       a.intrastat_no,
       CAST(a.weight_kg AS VARCHAR(40)),
       CAST(a.volume_m3 AS VARCHAR(40)),
       CAST(CASE WHEN a.is_active = TRUE THEN 1 ELSE 0 END AS VARCHAR(1)),
       CAST(a.updated_at AS VARCHAR(32)),
       s.payload_hash,
       s.status,
       s.refused_payload_hash,
       CASE WHEN a.article_no <> substr(a.article_no, 1, length(a.article_no))
            THEN ' article_no' ELSE '' END
         || CASE WHEN a.name <> substr(a.name, 1, length(a.name)) THEN ' name' ELSE '' END
         || CASE WHEN a.supplier_article_no <> substr(a.supplier_article_no, 1, length(a.supplier_article_no))
                 THEN ' supplier_article_no' ELSE '' END
         || CASE WHEN a.barcode <> substr(a.barcode, 1, length(a.barcode))
                 THEN ' barcode' ELSE '' END
         || CASE WHEN a.intrastat_no <> substr(a.intrastat_no, 1, length(a.intrastat_no))
                 THEN ' intrastat_no' ELSE '' END
FROM article a
LEFT JOIN wms_sync_state s
       ON s.connection_name = ? AND s.doc_type = 'article' AND s.doc_no = a.article_no
WHERE a.article_id > ?
  AND (a.is_active = TRUE OR s.doc_no IS NOT NULL)
  AND (? = 1 OR s.doc_no IS NULL OR s.status = 'ERROR' OR a.updated_at >= ?)
ORDER BY a.article_id
LIMIT ?
