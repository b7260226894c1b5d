-- extract_internal_order_lines: the lines of the internal orders of one page (io_id in a range).
-- Parameters: 1 lowest io_id of the page minus one, 2 highest io_id of the page.
-- Columns (as extract_customer_order_lines.sql, so one reader serves all): io_id, line_no,
--   article_no, description (NULL), quantity, unit_price (NULL), article_known (1/0),
--   article_type, article_name,
--   article_active (1/0: article.is_active is true; a line of an inactive article is refused)
--   nul_texts (last): the text columns (named, space-separated) that hold a NUL character, which
--   the SQLite ODBC driver would silently cut at; on SQLite a text with a NUL is unequal to
--   its own first length() characters, on PostgreSQL (no NUL in text) the column is empty.
SELECT l.io_id,
       l.line_no,
       l.article_no,
       CAST(NULL AS VARCHAR(200)),
       CAST(l.quantity AS VARCHAR(40)),
       CAST(NULL AS VARCHAR(40)),
       CAST(CASE WHEN a.article_id IS NULL THEN 0 ELSE 1 END AS VARCHAR(1)),
       a.article_type,
       a.name,
       CAST(CASE WHEN a.is_active = TRUE THEN 1 ELSE 0 END AS VARCHAR(1)),
       CASE WHEN l.article_no <> substr(l.article_no, 1, length(l.article_no))
            THEN ' article_no' ELSE '' END
         || CASE WHEN a.name <> substr(a.name, 1, length(a.name)) THEN ' article.name' ELSE '' END
FROM internal_order_line l
LEFT JOIN article a ON a.article_no = l.article_no
WHERE l.io_id > ? AND l.io_id <= ?
ORDER BY l.io_id, l.line_no
