// The bad-row catalogue (issue 11, R30): one bad row of each kind — texts, numbers, dates,
// references, duplicates — across articles, customer orders and their lines, purchase orders and
// internal orders, among good rows, through the real jobs (ERP over ODBC, the simulator over
// HTTP). For every kind: the good rows are all sent exactly, the bad document alone is refused
// with a reason that names the field, nothing of it reaches Ongoing, and once the ERP row is
// corrected the next run sends it.
#define BOOST_TEST_MODULE bad_row_catalogue
#include <boost/test/unit_test.hpp>
#include <map>
#include <string>
#include <vector>

#include "jobs/article_job.h"
#include "jobs/order_jobs.h"
#include "tests/support/backend_test.h"
#include "tests/support/erp_backend.h"
#include "tests/support/job_fixtures.h"
#include "tests/support/sim_process.h"

using namespace wmsbridge;
using test::ErpBackend;
using test::SimProcess;

namespace {

// The time every correction is stamped with: after the first run's watermark.
constexpr const char* kFixedAt = "'2026-11-30 12:00:00'";

// Runs one set-up statement; a failure names the statement (the catalogue has many).
void Exec(const ErpBackend& db, const std::string& sql) {
  try {
    db.Exec(sql);
  } catch (const std::exception& e) {
    BOOST_FAIL("set-up statement failed (" << e.what() << "): " << sql);
  }
}

bool IsSqlite(const ErpBackend& db) {
  return db.Name() == "sqlite";
}

// SQL for the character with code `code` (1..127).
std::string Chr(const ErpBackend& db, int code) {
  return (IsSqlite(db) ? "char(" : "chr(") + std::to_string(code) + ")";
}

// SQL for `text` repeated `times` times (times even).
std::string Repeat(const ErpBackend& db, const std::string& text, int times) {
  if (IsSqlite(db))
    return "replace(hex(zeroblob(" + std::to_string(times / 2) + ")), '0', '" + text + "')";
  return "repeat('" + text + "', " + std::to_string(times) + ")";
}

using Columns = std::map<std::string, std::string>;  // column -> SQL literal

std::string Insert(const std::string& table, const Columns& c) {
  std::string columns, values;
  for (const auto& [k, v] : c) {
    columns += (columns.empty() ? "" : ", ") + k;
    values += (values.empty() ? "" : ", ") + v;
  }
  return "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")";
}

Columns With(Columns base, const Columns& set) {
  for (const auto& [k, v] : set)
    base[k] = v;
  return base;
}

std::string Article(int id, const std::string& no, const Columns& set = {}) {
  return Insert("article", With({{"article_id", std::to_string(id)},
                                 {"article_no", "'" + no + "'"},
                                 {"article_type", "'STOCK'"},
                                 {"name", "'Artikel " + no + "'"},
                                 {"supplier_article_no", "'S-" + no + "'"},
                                 {"barcode", "'73500000" + std::to_string(10000 + id) + "'"},
                                 {"intrastat_no", "'69120000'"},
                                 {"weight_kg", "1.250"},
                                 {"volume_m3", "0.002"},
                                 {"is_active", "TRUE"},
                                 {"updated_at", "'2026-11-20 10:00:00'"}},
                                set));
}

std::string Order(int id, const std::string& no, const Columns& set = {}) {
  return Insert("customer_order", With({{"order_id", std::to_string(id)},
                                        {"order_no", "'" + no + "'"},
                                        {"customer_id", "1"},
                                        {"warehouse_id", "1"},
                                        {"order_date", "'2026-11-25'"},
                                        {"delivery_date", "'2026-12-01'"},
                                        {"currency_code", "'SEK'"},
                                        {"delivery_method_id", "1"},
                                        {"delivery_name", "'Åsa Öberg'"},
                                        {"delivery_address", "'Storgatan 1'"},
                                        {"delivery_postcode", "'41101'"},
                                        {"delivery_city", "'Göteborg'"},
                                        {"delivery_country_code", "'SE'"},
                                        {"delivery_email", "'asa@example.se'"},
                                        {"delivery_phone", "'031-712 45 60'"},
                                        {"reference", "'Ref " + no + "'"},
                                        {"remark", "'Ring först'"},
                                        {"status", "'OPEN'"},
                                        {"updated_at", "'2026-11-25 09:00:00'"}},
                                       set));
}

std::string OrderLine(int order_id, int line_no, const Columns& set = {}) {
  return Insert("customer_order_line", With({{"order_id", std::to_string(order_id)},
                                             {"line_no", std::to_string(line_no)},
                                             {"article_no", "'A-1'"},
                                             {"description", "'Kaffekopp'"},
                                             {"quantity", "2"},
                                             {"unit_price", "10"}},
                                            set));
}

std::string Purchase(int id, const std::string& no, const Columns& set = {}) {
  return Insert("purchase_order", With({{"po_id", std::to_string(id)},
                                        {"po_no", "'" + no + "'"},
                                        {"supplier_no", "'S-9'"},
                                        {"supplier_name", "'Leverantören AB'"},
                                        {"warehouse_id", "1"},
                                        {"order_date", "'2026-11-24'"},
                                        {"delivery_date", "'2026-12-02'"},
                                        {"status", "'OPEN'"},
                                        {"updated_at", "'2026-11-25 09:00:00'"}},
                                       set));
}

std::string PurchaseLine(int po_id, int line_no, const Columns& set = {}) {
  return Insert("purchase_order_line", With({{"po_id", std::to_string(po_id)},
                                             {"line_no", std::to_string(line_no)},
                                             {"article_no", "'A-1'"},
                                             {"quantity", "10"}},
                                            set));
}

std::string Internal(int id, const std::string& no, const Columns& set = {}) {
  return Insert("internal_order", With({{"io_id", std::to_string(id)},
                                        {"io_no", "'" + no + "'"},
                                        {"from_warehouse_id", "1"},
                                        {"to_warehouse_id", "3"},
                                        {"delivery_date", "'2026-12-03'"},
                                        {"status", "'OPEN'"},
                                        {"updated_at", "'2026-11-25 09:00:00'"}},
                                       set));
}

std::string InternalLine(int io_id, int line_no, const Columns& set = {}) {
  return Insert("internal_order_line", With({{"io_id", std::to_string(io_id)},
                                             {"line_no", std::to_string(line_no)},
                                             {"article_no", "'A-2'"},
                                             {"quantity", "3"}},
                                            set));
}

enum class DocType { kArticle, kCustomerOrder, kPurchaseOrder, kInternalOrder };

std::string DocTypeName(DocType t) {
  switch (t) {
    case DocType::kArticle:
      return "article";
    case DocType::kCustomerOrder:
      return "customer_order";
    case DocType::kPurchaseOrder:
      return "purchase_order";
    case DocType::kInternalOrder:
      return "internal_order";
  }
  return {};
}

// One bad row: how it is made, what the refusal must name, how a person corrects it.
struct BadRow {
  std::string kind;
  DocType type;
  std::string doc_no;              // the visible number of the document that must be refused
  std::vector<std::string> make;   // SQL creating it
  std::vector<std::string> field;  // the reason names one of these (lower case)
  std::vector<std::string> fix;    // SQL correcting it (stamps updated_at after the watermark)
  std::string fixed_doc_no;        // the document's number after the fix ("" = doc_no)
};

std::string Lower(std::string s) {
  for (char& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Stamp(const std::string& table, const std::string& key, int id) {
  return "UPDATE " + table + " SET updated_at = " + kFixedAt + " WHERE " + key + " = " +
         std::to_string(id);
}

// The catalogue. Ids: articles 100+, customer orders 200+, purchase orders 300+, internal
// orders 400+. Kinds a backend cannot store (invalid UTF-8, NUL, impossible dates in a
// PostgreSQL date column) are made on SQLite only.
std::vector<BadRow> Catalogue(const ErpBackend& db) {
  const bool sqlite = IsSqlite(db);
  const std::string c1 = Chr(db, 1), c11 = Chr(db, 11);
  std::vector<BadRow> rows;
  int n = 0;
  // --- articles ---
  const auto article = [&](std::string kind, const Columns& bad, std::vector<std::string> field,
                           const Columns& good) {
    const int id = 100 + ++n;
    const std::string no = "BAD-A" + std::to_string(n);
    std::string fix = "UPDATE article SET updated_at = " + std::string(kFixedAt);
    for (const auto& [k, v] : good)
      fix += ", " + k + " = " + v;
    rows.push_back({std::move(kind),
                    DocType::kArticle,
                    no,
                    {Article(id, no, bad)},
                    std::move(field),
                    {fix + " WHERE article_id = " + std::to_string(id)},
                    ""});
  };
  article("article name with a control character", {{"name", "'Kopp' || " + c1}}, {"name"},
          {{"name", "'Kopp'"}});
  article("article name of 10,000 characters", {{"name", Repeat(db, "x", 10000)}}, {"name"},
          {{"name", "'Kopp'"}});
  article("article name of 600 x Ö", {{"name", Repeat(db, "Ö", 600)}}, {"name"},
          {{"name", "'Kopp'"}});
  article("barcode with a vertical tab", {{"barcode", "'7350' || " + c11 + " || '001'"}},
          {"barcode"}, {{"barcode", "'7350001'"}});
  article("supplier article number of 300 characters",
          {{"supplier_article_no", Repeat(db, "s", 300)}}, {"supplier"},
          {{"supplier_article_no", "'S-1'"}});
  article("intrastat number with a control character",
          {{"intrastat_no", "'6912' || " + c1 + " || '0000'"}}, {"intrastat", "statistic"},
          {{"intrastat_no", "'69120000'"}});
  article("negative weight", {{"weight_kg", "-1.5"}}, {"weight"}, {{"weight_kg", "1.5"}});
  article("negative volume", {{"volume_m3", "-0.002"}}, {"volume"}, {{"volume_m3", "0.002"}});
  article("unknown article type", {{"article_type", "'KIT'"}}, {"type"},
          {{"article_type", "'STOCK'"}});
  article("article without a name", {{"name", "NULL"}}, {"name"}, {{"name", "'Kopp'"}});
  if (sqlite) {
    article("article name that is not UTF-8", {{"name", "'Kopp' || CAST(X'FF' AS TEXT)"}}, {"name"},
            {{"name", "'Kopp'"}});
    article("article name with an embedded NUL", {{"name", "'Kaffe' || char(0) || 'kopp'"}},
            {"name"}, {{"name", "'Kaffekopp'"}});
  }

  // --- customer orders and their lines ---
  n = 0;
  const auto order = [&](std::string kind, const Columns& bad, std::vector<std::string> lines,
                         std::vector<std::string> field, std::vector<std::string> fix) {
    const int id = 200 + ++n;
    const std::string no = "BAD-C" + std::to_string(n);
    std::vector<std::string> make{Order(id, no, bad)};
    if (lines.empty())
      lines.push_back(OrderLine(id, 1));
    for (auto& l : lines)
      make.push_back(l);
    for (auto& f : fix) {
      if (f.find("%ID%") != std::string::npos)
        f.replace(f.find("%ID%"), 4, std::to_string(id));
    }
    fix.push_back(Stamp("customer_order", "order_id", id));
    rows.push_back({std::move(kind), DocType::kCustomerOrder, no, std::move(make), std::move(field),
                    std::move(fix), ""});
    return id;
  };
  const auto fix_order = [](const std::string& column, const std::string& value) {
    return "UPDATE customer_order SET " + column + " = " + value + " WHERE order_id = %ID%";
  };
  const auto fix_line = [](const std::string& column, const std::string& value) {
    return "UPDATE customer_order_line SET " + column + " = " + value +
           " WHERE order_id = %ID% AND line_no = 1";
  };
  order("order number of 60 characters", {{"order_no", Repeat(db, "9", 60)}}, {},
        {"order number", "number"}, {fix_order("order_no", "'BAD-C1'")});
  order("delivery name with a control character", {{"delivery_name", "'Åsa' || " + c1}}, {},
        {"name"}, {fix_order("delivery_name", "'Åsa'")});
  order("delivery city of 300 characters", {{"delivery_city", Repeat(db, "G", 300)}}, {}, {"city"},
        {fix_order("delivery_city", "'Göteborg'")});
  order("country code that is no country", {{"delivery_country_code", "'XX'"}}, {}, {"country"},
        {fix_order("delivery_country_code", "'SE'")});
  order("e-mail with a control character", {{"delivery_email", "'a@b.se' || " + c11}}, {}, {"mail"},
        {fix_order("delivery_email", "'a@b.se'")});
  order("phone with a control character", {{"delivery_phone", "'031' || " + c1}}, {}, {"phone"},
        {fix_order("delivery_phone", "'031-712 45 60'")});
  order("reference of 300 characters", {{"reference", Repeat(db, "r", 300)}}, {}, {"reference"},
        {fix_order("reference", "'Ref'")});
  order("remark with a control character", {{"remark", "'Ring' || " + c1}}, {}, {"remark"},
        {fix_order("remark", "'Ring'")});
  order("pickup point with a control character", {{"pickup_point_code", "'SP' || " + c1}}, {},
        {"pickup", "service point"}, {fix_order("pickup_point_code", "'SP1'")});
  order("delivery address missing", {{"delivery_address", "NULL"}}, {}, {"address"},
        {fix_order("delivery_address", "'Storgatan 1'")});
  order("delivery date missing", {{"delivery_date", "NULL"}}, {}, {"delivery date"},
        {fix_order("delivery_date", "'2026-12-01'")});
  order("delivery method that does not exist", {{"delivery_method_id", "99"}}, {},
        {"delivery method"}, {fix_order("delivery_method_id", "1")});
  order("delivery method without carrier codes", {{"delivery_method_id", "4"}}, {},
        {"delivery method"}, {fix_order("delivery_method_id", "1")});
  order("currency unknown in the ERP", {{"currency_code", "'XYZ'"}}, {}, {"currency"},
        {fix_order("currency_code", "'SEK'")});
  order("customer number with a control character", {{"customer_id", "2"}}, {}, {"customer"},
        {"UPDATE customer SET customer_no = 'K-200' WHERE customer_id = 2"});
  {
    const int id = 200 + n + 1;
    order("line description with a vertical tab", {},
          {OrderLine(id, 1, {{"description", "'Kopp' || " + c11}})}, {"line 1"},
          {fix_line("description", "'Kopp'")});
  }
  {
    const int id = 200 + n + 1;
    order("text line with a control character", {},
          {OrderLine(id, 1),
           OrderLine(
               id, 2,
               {{"article_no", "NULL"}, {"description", "'Obs' || " + c1}, {"quantity", "NULL"}})},
          {"line 2"},
          {"UPDATE customer_order_line SET description = 'Obs' WHERE order_id = %ID% AND "
           "line_no = 2"});
  }
  {
    const int id = 200 + n + 1;
    order("service line text with a control character", {},
          {OrderLine(id, 1), OrderLine(id, 2,
                                       {{"article_no", "'FRAKT'"},
                                        {"description", "'Frakt' || " + c1},
                                        {"quantity", "1"}})},
          {"line 2"},
          {"UPDATE customer_order_line SET description = 'Frakt' WHERE order_id = %ID% AND "
           "line_no = 2"});
  }
  {
    const int id = 200 + n + 1;
    order("line description of 10,000 characters", {},
          {OrderLine(id, 1, {{"description", Repeat(db, "d", 10000)}})}, {"line 1"},
          {fix_line("description", "'Kopp'")});
  }
  {
    const int id = 200 + n + 1;
    order("line quantity zero", {}, {OrderLine(id, 1, {{"quantity", "0"}})}, {"quantity"},
          {fix_line("quantity", "2")});
  }
  {
    const int id = 200 + n + 1;
    order("line quantity negative", {}, {OrderLine(id, 1, {{"quantity", "-2"}})}, {"quantity"},
          {fix_line("quantity", "2")});
  }
  {
    const int id = 200 + n + 1;
    order("line article not in the ERP", {}, {OrderLine(id, 1, {{"article_no", "'NOPE'"}})},
          {"article"}, {fix_line("article_no", "'A-1'")});
  }
  {
    const int id = 200 + n + 1;
    order("line article inactive in the ERP", {}, {OrderLine(id, 1, {{"article_no", "'OLD-1'"}})},
          {"inactive", "not active"},
          {"UPDATE article SET is_active = TRUE, updated_at = " + std::string(kFixedAt) +
           " WHERE article_no = 'OLD-1'"});
  }
  {
    // Two live orders with one number: both refused, naming both internal ids.
    const int first = 200 + n + 1, second = first + 1;
    order("two live orders with one number (first)", {}, {}, {std::to_string(second)}, {});
    rows.back().doc_no = "BAD-DUP";
    rows.back().make[0] = Order(first, "BAD-DUP");
    const int id = 200 + ++n;
    rows.push_back({"two live orders with one number (second)",
                    DocType::kCustomerOrder,
                    "BAD-DUP",
                    {Order(id, "BAD-DUP"), OrderLine(id, 1)},
                    {std::to_string(first)},
                    {"UPDATE customer_order SET order_no = 'BAD-DUP2', updated_at = " +
                     std::string(kFixedAt) + " WHERE order_id = " + std::to_string(id)},
                    "BAD-DUP2"});
  }
  if (sqlite) {  // varchar(2) on PostgreSQL
    order("country written out", {{"delivery_country_code", "'Sweden'"}}, {}, {"country"},
          {fix_order("delivery_country_code", "'SE'")});
  }
  if (sqlite) {
    for (const std::string date :
         {"tomorrow", "2026-12-32", "2026-13-01", "2026-02-30", "0000-00-00"}) {
      order("delivery date '" + date + "'", {{"delivery_date", "'" + date + "'"}}, {},
            {"delivery date"}, {fix_order("delivery_date", "'2026-12-01'")});
    }
    order("delivery address that is not UTF-8",
          {{"delivery_address", "'Gata' || CAST(X'FF' AS TEXT)"}}, {}, {"address"},
          {fix_order("delivery_address", "'Gata 1'")});
    order("delivery name with an embedded NUL", {{"delivery_name", "'Åsa' || char(0) || 'Ö'"}}, {},
          {"name"}, {fix_order("delivery_name", "'Åsa Ö'")});
  }

  // --- purchase orders ---
  n = 0;
  const auto purchase = [&](std::string kind, const Columns& bad, const Columns& bad_line,
                            std::vector<std::string> field, std::string fix) {
    const int id = 300 + ++n;
    const std::string no = "BAD-P" + std::to_string(n);
    fix.replace(fix.find("%ID%"), 4, std::to_string(id));
    rows.push_back({std::move(kind),
                    DocType::kPurchaseOrder,
                    no,
                    {Purchase(id, no, bad), PurchaseLine(id, 1, bad_line)},
                    std::move(field),
                    {fix, Stamp("purchase_order", "po_id", id)},
                    ""});
  };
  purchase("purchase order number of 60 characters", {{"po_no", Repeat(db, "7", 60)}}, {},
           {"number"}, "UPDATE purchase_order SET po_no = 'BAD-P1' WHERE po_id = %ID%");
  purchase("supplier name with a control character", {{"supplier_name", "'Lev' || " + c1}}, {},
           {"supplier"}, "UPDATE purchase_order SET supplier_name = 'Lev' WHERE po_id = %ID%");
  purchase("purchase delivery date missing", {{"delivery_date", "NULL"}}, {}, {"delivery date"},
           "UPDATE purchase_order SET delivery_date = '2026-12-02' WHERE po_id = %ID%");
  purchase("purchase line quantity zero", {}, {{"quantity", "0"}}, {"quantity"},
           "UPDATE purchase_order_line SET quantity = 10 WHERE po_id = %ID%");
  purchase("purchase line article not in the ERP", {}, {{"article_no", "'NOPE'"}}, {"article"},
           "UPDATE purchase_order_line SET article_no = 'A-1' WHERE po_id = %ID%");
  if (sqlite) {
    purchase("purchase delivery date '2026-02-30'", {{"delivery_date", "'2026-02-30'"}}, {},
             {"delivery date"},
             "UPDATE purchase_order SET delivery_date = '2026-12-02' WHERE po_id = %ID%");
  }

  // --- internal orders (sent on request) ---
  n = 0;
  const auto internal = [&](std::string kind, const Columns& bad, const Columns& bad_line,
                            std::vector<std::string> field, std::string fix) {
    const int id = 400 + ++n;
    const std::string no = "BAD-I" + std::to_string(n);
    fix.replace(fix.find("%ID%"), 4, std::to_string(id));
    rows.push_back({std::move(kind),
                    DocType::kInternalOrder,
                    no,
                    {Internal(id, no, bad), InternalLine(id, 1, bad_line)},
                    std::move(field),
                    {fix, Stamp("internal_order", "io_id", id)},
                    ""});
  };
  internal("internal order number of 203 characters", {{"io_no", Repeat(db, "5", 202) + " || 'x'"}},
           {}, {"number"}, "UPDATE internal_order SET io_no = 'BAD-I1' WHERE io_id = %ID%");
  internal("to-warehouse name with a control character", {{"to_warehouse_id", "4"}}, {},
           {"name", "warehouse"},
           "UPDATE warehouse SET name = 'Butik Lund' WHERE warehouse_id = 4 AND %ID% > 0");
  internal("internal delivery date missing", {{"delivery_date", "NULL"}}, {}, {"delivery date"},
           "UPDATE internal_order SET delivery_date = '2026-12-03' WHERE io_id = %ID%");
  internal("internal line quantity negative", {}, {{"quantity", "-3"}}, {"quantity"},
           "UPDATE internal_order_line SET quantity = 3 WHERE io_id = %ID%");
  internal("internal line article inactive in the ERP", {}, {{"article_no", "'OLD-2'"}},
           {"inactive", "not active"},
           "UPDATE article SET is_active = TRUE, updated_at = " + std::string(kFixedAt) +
               " WHERE article_no = 'OLD-2' AND %ID% > 0");
  return rows;
}

// The bad documents whose numbers are made by SQL: their number after the first line is what
// the refusal is looked up by.
std::string RefusedNumber(const BadRow& row) {
  if (row.kind == "order number of 60 characters")
    return std::string(60, '9');
  if (row.kind == "purchase order number of 60 characters")
    return std::string(60, '7');
  if (row.kind == "internal order number of 203 characters")
    return std::string(202, '5') + "x";
  return row.doc_no;
}

// Reference data and the good rows. Good values are chosen to be exact on the wire: a volume
// the SQLite driver prints as 5.0e-05, a name of 200 Ö, a country code, Swedish letters.
void SeedGood(const ErpBackend& db) {
  Exec(db,
       "INSERT INTO warehouse (warehouse_id, code, name, address, postcode, city, country_code) "
       "VALUES (1, 'MAIN', 'Lager Göteborg', 'Hamngatan 1', '41101', 'Göteborg', 'SE'), "
       "(2, 'NORTH', 'Lager Umeå', 'Norrgatan 2', '90326', 'Umeå', 'SE'), "
       "(3, 'OTHER', 'Butik Malmö', 'Södergatan 3', '21134', 'Malmö', 'SE'), "
       "(4, 'LUND', 'Butik' || " +
           Chr(db, 1) + " || 'Lund', 'Storgatan 4', '22350', 'Lund', 'SE')");
  Exec(db, "INSERT INTO currency (code, name) VALUES ('SEK', 'krona'), ('EUR', 'euro')");
  Exec(db,
       "INSERT INTO delivery_method (delivery_method_id, code, name, carrier_code, "
       "carrier_service_code, external_key) VALUES "
       "(1, 'PN', 'PostNord MyPack', 'POSTNORD', 'MYPACK', 'pn-mypack'), "
       "(4, 'PICKUP', 'Hämtas', NULL, NULL, 'pickup')");
  Exec(db,
       "INSERT INTO customer (customer_id, customer_no, name) VALUES (1, 'K-100', 'Åsa Öberg'), "
       "(2, 'K-2' || " +
           Chr(db, 1) + " || '00', 'Bo Ek')");
  test::AddStockAndFreightArticles(db);  // FRAKT
  Exec(db, Article(11, "OLD-1", {{"is_active", "FALSE"}}));
  Exec(db, Article(12, "OLD-2", {{"is_active", "FALSE"}}));
  Exec(db, Article(21, "GOOD-1", {{"name", "'Kaffekopp blå'"}, {"volume_m3", "0.00005"}}));
  Exec(db, Article(22, "GOOD-2", {{"name", Repeat(db, "Ö", 200)}, {"weight_kg", "0.001"}}));

  Exec(db, Order(1, "GOOD-C1", {{"delivery_address2", "'c/o Ek'"}}));
  Exec(db, OrderLine(1, 1));
  Exec(db,
       OrderLine(
           1, 2,
           {{"article_no", "NULL"}, {"description", "'Lämna vid dörren'"}, {"quantity", "NULL"}}));
  Exec(db, OrderLine(1, 3,
                     {{"article_no", "'A-2'"}, {"description", "'Tekanna'"}, {"quantity", "1.5"}}));
  Exec(db, Order(2, "GOOD-C2", {{"delivery_country_code", "'NO'"}, {"delivery_city", "'Oslo'"}}));
  Exec(db, OrderLine(2, 1, {{"quantity", "7"}}));

  Exec(db, Purchase(1, "GOOD-P1"));
  Exec(db, PurchaseLine(1, 1));
  Exec(db, PurchaseLine(1, 2, {{"article_no", "'A-2'"}, {"quantity", "5"}}));

  Exec(db, Internal(1, "GOOD-I1"));
  Exec(db, InternalLine(1, 1));
}

jobs::ConnectionConfig Connection(const ErpBackend& db, const SimProcess& sim) {
  jobs::ConnectionConfig c = test::BaseConnection(db, sim);
  c.warehouses = {"MAIN", "NORTH"};
  c.currencies = {"SEK", "EUR"};
  c.export_customer_orders = true;
  c.export_purchase_orders = true;
  c.batch_size = 7;
  return c;
}

// One round of every job: articles first, so orders find them; internal orders on request.
void RunAll(const ErpBackend& db, const SimProcess& sim, const std::vector<std::string>& internal) {
  const auto c = Connection(db, sim);
  const auto options = test::BaseJobOptions();
  jobs::RunArticleJob(c, options, test::TestLog());
  for (const auto& result : {jobs::RunCustomerOrderJob(c, options, test::TestLog()),
                             jobs::RunPurchaseOrderJob(c, options, test::TestLog())}) {
    BOOST_TEST(result.abort_reason == "", "a bad row never aborts the run");
  }
  for (const std::string& no : internal) {
    auto only = options;
    only.only_doc_no = no;
    jobs::RunInternalOrderJob(c, only, test::TestLog());
  }
}

bool InWms(SimProcess& sim, DocType type, const std::string& no) {
  switch (type) {
    case DocType::kArticle:
      return sim.store().FindArticle(no).has_value();
    case DocType::kCustomerOrder:
      return sim.store().FindOrder(no).has_value();
    case DocType::kPurchaseOrder:
      return sim.store().FindInOrder(no).has_value();
    case DocType::kInternalOrder:  // an outbound order numbered IO-<number>
      return sim.store().FindOrder("IO-" + no).has_value();
  }
  return false;
}

// The good rows, exactly as the ERP holds them.
void CheckGoodRowsSentExactly(const ErpBackend& db, SimProcess& sim) {
  const auto a1 = sim.store().FindArticle("GOOD-1");
  BOOST_TEST_REQUIRE(a1.has_value());
  BOOST_TEST(a1->name == "Kaffekopp blå");
  BOOST_TEST(a1->volume == "0.00005");
  BOOST_TEST(a1->weight == "1.25");
  BOOST_TEST(a1->barcode == "7350000010021");
  const auto a2 = sim.store().FindArticle("GOOD-2");
  BOOST_TEST_REQUIRE(a2.has_value());
  std::string oe200;
  for (int i = 0; i < 200; ++i)
    oe200 += "Ö";
  BOOST_TEST(a2->name == oe200);
  BOOST_TEST(a2->weight == "0.001");

  const auto c1 = sim.store().FindOrder("GOOD-C1");
  BOOST_TEST_REQUIRE(c1.has_value());
  BOOST_TEST(c1->consignee.name == "Åsa Öberg");
  BOOST_TEST(c1->consignee.address == "Storgatan 1");
  BOOST_TEST(c1->consignee.address2 == "c/o Ek");
  BOOST_TEST(c1->consignee.city == "Göteborg");
  BOOST_TEST(c1->consignee.country_code == "SE");
  BOOST_TEST(c1->consignee.customer_number == "K-100");
  BOOST_TEST(c1->consignee.phone == "031-712 45 60");
  BOOST_TEST(c1->reference == "Ref GOOD-C1");
  BOOST_TEST(c1->remark == "Ring först");
  BOOST_TEST(c1->delivery_date.substr(0, 10) == "2026-12-01");
  int picked = 0, text = 0;
  for (const auto& l : c1->lines) {
    if (l.is_text_line) {
      ++text;
      BOOST_TEST(l.article_name + l.comment == "Lämna vid dörren");
    } else if (l.article_number == "A-1") {
      ++picked;
      BOOST_TEST(l.ordered_qty == "2");
    } else if (l.article_number == "A-2") {
      ++picked;
      BOOST_TEST(l.ordered_qty == "1.5");
    }
  }
  BOOST_TEST(picked == 2);
  BOOST_TEST(text == 1);
  const auto c2 = sim.store().FindOrder("GOOD-C2");
  BOOST_TEST_REQUIRE(c2.has_value());
  BOOST_TEST(c2->consignee.country_code == "NO");
  BOOST_TEST_REQUIRE(c2->lines.size() == 1u);
  BOOST_TEST(c2->lines[0].ordered_qty == "7");

  const auto p1 = sim.store().FindInOrder("GOOD-P1");
  BOOST_TEST_REQUIRE(p1.has_value());
  BOOST_TEST(p1->supplier_name == "Leverantören AB");
  BOOST_TEST_REQUIRE(p1->lines.size() == 2u);

  const auto i1 = sim.store().FindOrder("IO-GOOD-I1");
  BOOST_TEST_REQUIRE(i1.has_value());
  BOOST_TEST(i1->consignee.name == "Butik Malmö");
  BOOST_TEST_REQUIRE(i1->lines.size() == 1u);
  BOOST_TEST(i1->lines[0].ordered_qty == "3");

  for (const auto& [type, no] : {std::pair{"article", "GOOD-1"},
                                 {"article", "GOOD-2"},
                                 {"customer_order", "GOOD-C1"},
                                 {"customer_order", "GOOD-C2"},
                                 {"purchase_order", "GOOD-P1"},
                                 {"internal_order", "GOOD-I1"}}) {
    BOOST_TEST(test::DocumentField(db, type, no, "status") == "SENT", type << " " << no);
  }
}

}  // namespace

ERP_BACKEND_TEST(one_bad_row_of_each_kind_fails_alone_and_is_sent_once_fixed_R30) {
  SimProcess sim;
  SeedGood(db);
  const std::vector<BadRow> catalogue = Catalogue(db);
  BOOST_TEST_MESSAGE(db.Name() << ": " << catalogue.size() << " kinds of bad row");
  BOOST_TEST(catalogue.size() >= (IsSqlite(db) ? 50u : 40u));
  std::vector<std::string> internal{"GOOD-I1"};
  for (const BadRow& row : catalogue) {
    for (const std::string& sql : row.make)
      Exec(db, sql);
    if (row.type == DocType::kInternalOrder)
      internal.push_back(RefusedNumber(row));
  }

  RunAll(db, sim, internal);
  CheckGoodRowsSentExactly(db, sim);
  for (const BadRow& row : catalogue) {
    BOOST_TEST_CONTEXT(db.Name() << ", " << row.kind) {
      const std::string no = RefusedNumber(row);
      const std::string type = DocTypeName(row.type);
      const std::string status = test::DocumentField(db, type, no, "status");
      const std::string message = Lower(test::DocumentField(db, type, no, "message"));
      BOOST_TEST(status == "ERROR", "refused, status " << status);
      bool names_field = false;
      for (const std::string& f : row.field)
        names_field = names_field || message.find(f) != std::string::npos;
      BOOST_TEST(names_field, "the reason names the field: " << message);
      BOOST_TEST(message.find("ongoing refused") == std::string::npos,
                 "refused by us, not by Ongoing: " << message);
      BOOST_TEST(!InWms(sim, row.type, no), "nothing of it reached Ongoing");
    }
  }

  // A person corrects every row; the next run sends each of them, the good rows untouched.
  sim.store().ResetCalls();
  internal = {};
  for (const BadRow& row : catalogue) {
    for (const std::string& sql : row.fix)
      Exec(db, sql);
    if (row.type == DocType::kInternalOrder)
      internal.push_back(row.fixed_doc_no.empty() ? row.doc_no : row.fixed_doc_no);
  }
  RunAll(db, sim, internal);
  for (const BadRow& row : catalogue) {
    BOOST_TEST_CONTEXT(db.Name() << ", " << row.kind << " (fixed)") {
      const std::string no = row.fixed_doc_no.empty() ? row.doc_no : row.fixed_doc_no;
      const std::string type = DocTypeName(row.type);
      BOOST_TEST(test::DocumentField(db, type, no, "status") == "SENT",
                 test::DocumentField(db, type, no, "message"));
      BOOST_TEST(InWms(sim, row.type, no));
    }
  }
  CheckGoodRowsSentExactly(db, sim);
}
