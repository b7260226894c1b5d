-- compare_stock_changed_page: one page of an intra-day stock comparison of one warehouse (R25):
-- only the articles Ongoing's change feed named, which this run read again into
-- wms_stock_snapshot; otherwise as compare_stock_page.sql (article order, keyset-paged,
-- SERVICE articles left out).
-- Parameters: 1 connection_name, 2 warehouse_id, 3 article_no after which to continue,
--             4 page size, 5 warehouse_id, 6 connection_name, 7 warehouse_id
-- Columns: as compare_stock_page.sql
SELECT k.article_no,
       CASE WHEN a.article_no IS NULL THEN '0' ELSE '1' END,
       CASE WHEN b.article_no IS NULL THEN '0' ELSE '1' END,
       CAST(b.quantity AS VARCHAR(40)),
       CASE WHEN s.article_no IS NULL THEN '0' ELSE '1' END,
       CAST(s.wms_quantity AS VARCHAR(40))
FROM (SELECT ss.article_no FROM wms_stock_snapshot ss
      WHERE ss.connection_name = ? AND ss.warehouse_id = CAST(? AS INTEGER) AND ss.article_no > ?
        AND NOT EXISTS (SELECT 1 FROM article x
                        WHERE x.article_no = ss.article_no AND x.article_type = 'SERVICE')
      ORDER BY ss.article_no
      LIMIT ?) k
LEFT JOIN stock_balance b ON b.article_no = k.article_no AND b.warehouse_id = CAST(? AS INTEGER)
LEFT JOIN wms_stock_snapshot s
       ON s.connection_name = ? AND s.warehouse_id = CAST(? AS INTEGER) AND s.article_no = k.article_no
LEFT JOIN article a ON a.article_no = k.article_no
ORDER BY k.article_no
