-- compare_stock_page: one page of the stock comparison of one warehouse (R25), in article order,
-- keyset-paged by article_no: every article either side has (stock_balance, Ongoing's stock as
-- this run read it into wms_stock_snapshot), SERVICE articles left out on both sides (never
-- stock-kept; NOT EXISTS by article_no, not NOT IN over every SERVICE article, which read the
-- whole article table once a page). A site whose stock lives elsewhere adapts this file.
-- Parameters: 1 warehouse_id, 2 article_no after which to continue ('' at first),
--             3 connection_name, 4 warehouse_id, 5 article_no after which to continue,
--             6 page size, 7 warehouse_id, 8 connection_name, 9 warehouse_id
-- Columns (text): article_no, article_known ('1' when the ERP's article table has it),
--   erp_present ('1' when stock_balance has the row), erp_quantity,
--   wms_present ('1' when Ongoing reported the article), wms_quantity
SELECT k.article_no,
       CASE WHEN a.article_no IS NULL THEN '0' ELSE '1' END,
       CASE WHEN b.article_no IS NULL THEN '0' ELSE '1' END,
       CAST(b.quantity AS VARCHAR(40)),
       CASE WHEN s.article_no IS NULL THEN '0' ELSE '1' END,
       CAST(s.wms_quantity AS VARCHAR(40))
FROM (SELECT sb.article_no FROM stock_balance sb
      WHERE sb.warehouse_id = CAST(? AS INTEGER) AND sb.article_no > ?
        AND NOT EXISTS (SELECT 1 FROM article x
                        WHERE x.article_no = sb.article_no AND x.article_type = 'SERVICE')
      UNION
      SELECT ss.article_no FROM wms_stock_snapshot ss
      WHERE ss.connection_name = ? AND ss.warehouse_id = CAST(? AS INTEGER) AND ss.article_no > ?
        AND NOT EXISTS (SELECT 1 FROM article x
                        WHERE x.article_no = ss.article_no AND x.article_type = 'SERVICE')
      ORDER BY article_no
      LIMIT ?) k
LEFT JOIN stock_balance b ON b.article_no = k.article_no AND b.warehouse_id = CAST(? AS INTEGER)
LEFT JOIN wms_stock_snapshot s
       ON s.connection_name = ? AND s.warehouse_id = CAST(? AS INTEGER) AND s.article_no = k.article_no
LEFT JOIN article a ON a.article_no = k.article_no
ORDER BY k.article_no
