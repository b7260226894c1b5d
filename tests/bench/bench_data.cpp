#include "tests/bench/bench_data.h"

#include <string>

#include "stages/articles/article_transform.h"

namespace wmsbridge::bench {
namespace {

// An article row as sql/queries/extract_articles.sql gives a never-sent article.
erp::ArticleRow ArticleRow(const std::string& number, const std::string& name) {
  erp::ArticleRow row;
  row.article_no = number;
  row.article_type = "STOCK";
  row.name = name;
  row.is_active = true;
  row.updated_at = "2026-11-20 10:00:00";
  return row;
}

wms::ArticleDefinition Definition(const erp::ArticleRow& row) {
  articles::ArticleTransform transform;
  return transform.Map(row).definition;
}

}  // namespace

void InsertArticles(const test::ErpBackend& db, int n) {
  db.Exec("WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < " +
          std::to_string(n) +
          ") INSERT INTO article (article_id, article_no, article_type, name, supplier_article_no, "
          "barcode, intrastat_no, weight_kg, volume_m3, is_active, updated_at) "
          "SELECT i, 'B-' || i, 'STOCK', 'Benchmark article ' || i, 'SUP-' || i, "
          "'73' || (1000000000 + i), '69120000', 0.5 + i % 7, 0.001, 1, '2026-11-20 10:00:00' FROM "
          "seq");
}

std::vector<wms::ArticleDefinition> ArticleDefinitions(int n) {
  std::vector<wms::ArticleDefinition> definitions;
  definitions.reserve(static_cast<std::size_t>(n));
  for (int i = 1; i <= n; ++i) {
    erp::ArticleRow row =
        ArticleRow("B-" + std::to_string(i), "Benchmark article " + std::to_string(i));
    row.article_id = i;
    row.supplier_article_no = "SUP-" + std::to_string(i);
    row.barcode = "73" + std::to_string(1000000000 + i);
    row.intrastat_no = "69120000";
    row.weight_kg = std::to_string(i % 7) + ".5";  // 0.5 + i % 7
    row.volume_m3 = "0.001";
    definitions.push_back(Definition(row));
  }
  return definitions;
}

long InsertOrders(const test::ErpBackend& db, int n) {
  db.Exec("INSERT INTO warehouse (warehouse_id, code, name) VALUES (1, 'MAIN', 'Göteborg')");
  db.Exec("INSERT INTO currency (code, name) VALUES ('SEK', 'krona')");
  db.Exec(
      "INSERT INTO delivery_method (delivery_method_id, code, name, carrier_code, "
      "carrier_service_code) VALUES (1, 'PN', 'PostNord', 'POSTNORD', 'MYPACK')");
  db.Exec("INSERT INTO customer (customer_id, customer_no, name) VALUES (1, 'K-1', 'Kund')");
  db.Exec(
      "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 10) "
      "INSERT INTO article (article_id, article_no, article_type, name, is_active, updated_at) "
      "SELECT i, 'B-' || i, 'STOCK', 'Artikel ' || i, 1, '2026-11-20 10:00:00' FROM seq");
  db.Exec(
      "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < " +
      std::to_string(n) +
      ") INSERT INTO customer_order (order_id, order_no, customer_id, warehouse_id, order_date, "
      "delivery_date, currency_code, delivery_method_id, delivery_name, delivery_address, "
      "delivery_postcode, delivery_city, delivery_country_code, status, updated_at) "
      "SELECT i, 'O-' || i, 1, 1, '2026-11-25', '2026-12-01', 'SEK', 1, 'Kund ' || i, "
      "'Gatan ' || i, '41101', 'Göteborg', 'SE', 'OPEN', '2026-11-25 09:00:00' FROM seq");
  // 1-10 lines per order (5.5 on average).
  db.Exec(
      "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 10) "
      "INSERT INTO customer_order_line (order_id, line_no, article_no, description, quantity, "
      "unit_price) SELECT o.order_id, s.i, 'B-' || s.i, 'Rad', 1 + s.i % 3, 10 "
      "FROM customer_order o JOIN seq s ON s.i <= 1 + o.order_id % 10");
  return db.Count("SELECT 1 FROM customer_order_line");
}

std::vector<wms::ArticleDefinition> OrderArticleDefinitions() {
  std::vector<wms::ArticleDefinition> definitions;
  for (int i = 1; i <= 10; ++i) {
    erp::ArticleRow row = ArticleRow("B-" + std::to_string(i), "Artikel " + std::to_string(i));
    row.article_id = i;
    definitions.push_back(Definition(row));
  }
  return definitions;
}

std::vector<wms::CustomerOrder> CustomerOrders(int n) {
  std::vector<wms::CustomerOrder> orders;
  orders.reserve(static_cast<std::size_t>(n));
  for (int i = 1; i <= n; ++i) {
    const std::string id = std::to_string(i);
    wms::CustomerOrder& d = orders.emplace_back();
    d.order_number = "O-" + id;
    d.goods_owner_order_id = id;
    d.delivery_date = "2026-12-01";
    d.warehouse_code = "MAIN";
    d.consignee.customer_number = "K-1";
    d.consignee.name = "Kund " + id;
    d.consignee.address = "Gatan " + id;
    d.consignee.postcode = "41101";
    d.consignee.city = "Göteborg";
    d.consignee.country_code = "SE";
    d.transporter_code = "POSTNORD";
    d.transporter_service_code = "MYPACK";
    for (int s = 1; s <= 1 + i % 10; ++s) {
      const std::string line = std::to_string(s);
      d.lines.push_back({line, "B-" + line, "Artikel " + line, std::to_string(1 + s % 3),
                         std::nullopt, "SEK", "Rad"});
    }
  }
  return orders;
}

}  // namespace wmsbridge::bench
