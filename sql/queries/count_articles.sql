-- count_articles: how many articles a run of the article export will consider (its progress
-- total); the WHERE of extract_articles.sql without the keyset and the page size. A site that
-- changes that file's WHERE changes this one alike (a wrong count only misleads the progress bar).
-- Parameters: 1 connection_name, 2 full comparison (1) or incremental (0),
--             3 ERP updated_at watermark (text).
-- Columns: the count.
SELECT COUNT(*)
FROM article a
LEFT JOIN wms_sync_state s
       ON s.connection_name = ? AND s.doc_type = 'article' AND s.doc_no = a.article_no
WHERE (a.is_active = TRUE OR s.doc_no IS NOT NULL)
  AND (? = 1 OR s.doc_no IS NULL OR s.status = 'ERROR' OR a.updated_at >= ?)
