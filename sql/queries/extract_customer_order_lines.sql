-- extract_customer_order_lines: the lines of the orders of one page (order_id in a range), with
-- what the article register says of each line's article.
-- Parameters: 1 lowest order_id of the page minus one, 2 highest order_id of the page.
-- Columns: order_id, line_no, article_no, description, quantity, unit_price,
--   article_known (1/0), article_type, article_name,
--   article_active (1/0: article.is_active is true; a line of an inactive article is refused)
--   nul_texts (last): the text columns (named, space-separated) that hold a NUL character, which
--   the SQLite ODBC driver would silently cut at; on SQLite a text with a NUL is unequal to
--   its own first length() characters, on PostgreSQL (no NUL in text) the column is empty.
SELECT l.order_id,
       l.line_no,
       l.article_no,
       l.description,
       CAST(l.quantity AS VARCHAR(40)),
       CAST(l.unit_price AS VARCHAR(40)),
       CAST(CASE WHEN a.article_id IS NULL THEN 0 ELSE 1 END AS VARCHAR(1)),
       a.article_type,
       a.name,
       CAST(CASE WHEN a.is_active = TRUE THEN 1 ELSE 0 END AS VARCHAR(1)),
       CASE WHEN l.article_no <> substr(l.article_no, 1, length(l.article_no))
            THEN ' article_no' ELSE '' END
         || CASE WHEN l.description <> substr(l.description, 1, length(l.description))
                 THEN ' description' ELSE '' END
         || CASE WHEN a.name <> substr(a.name, 1, length(a.name)) THEN ' article.name' ELSE '' END
FROM customer_order_line l
LEFT JOIN article a ON a.article_no = l.article_no
WHERE l.order_id > ? AND l.order_id <= ?
ORDER BY l.order_id, l.line_no
