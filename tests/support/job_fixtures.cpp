#include "tests/support/job_fixtures.h"

#include <cmath>
#include <fstream>
#include <stdexcept>

#include "tests/support/secret_file.h"

namespace wmsbridge::test {

jobs::ConnectionConfig BaseConnection(const ErpBackend& db, const SimProcess& sim) {
  jobs::ConnectionConfig c;
  c.name = "demo";
  c.endpoint = sim.Endpoint();
  c.erp_odbc = db.ConnectionString();
  c.start_date = "2026-11-01";
  c.connect_timeout = std::chrono::seconds(2);
  c.receive_timeout = std::chrono::seconds(5);
  return c;
}

jobs::JobOptions BaseJobOptions() {
  jobs::JobOptions o;
  o.sql_dir = SqlDir();
  o.progress = false;
  o.retry.max_attempts = 2;
  o.retry.initial_delay = std::chrono::milliseconds(10);
  return o;
}

Poco::Logger& TestLog() {
  return Poco::Logger::get("test");
}

std::string DocumentField(const ErpBackend& db, const std::string& doc_type,
                          const std::string& doc_no, const std::string& column) {
  return db.Scalar("SELECT " + column + " FROM wms_document_status WHERE doc_type = '" + doc_type +
                   "' AND doc_no = '" + doc_no + "'");
}

bool SameQuantity(const std::string& text, double expected) {
  return !text.empty() && std::abs(std::stod(text) - expected) < 1e-9;
}

void AddStockAndFreightArticles(const ErpBackend& db) {
  db.Exec(
      "INSERT INTO article (article_id, article_no, article_type, name, is_active, updated_at) "
      "VALUES (1, 'A-1', 'STOCK', 'Kaffekopp', TRUE, '2026-11-20 10:00:00'), "
      "(2, 'A-2', 'STOCK', 'Tekanna', TRUE, '2026-11-20 10:00:00'), "
      "(3, 'FRAKT', 'SERVICE', 'Frakt', TRUE, '2026-11-20 10:00:00')");
}

void AddPurchaseOrderPo1(const ErpBackend& db) {
  db.Exec(
      "INSERT INTO purchase_order (po_id, po_no, supplier_no, supplier_name, warehouse_id, "
      "order_date, delivery_date, status, updated_at) VALUES (1, 'PO-1', 'S-1', 'Lev AB', 1, "
      "'2026-11-24', '2026-12-02', 'OPEN', '2026-11-25 09:00:00')");
  db.Exec(
      "INSERT INTO purchase_order_line (po_id, line_no, article_no, quantity) VALUES "
      "(1, 1, 'A-1', 10), (1, 2, 'A-2', 5)");
}

InstallationFile::InstallationFile(const ErpBackend& db, const SimProcess& sim, std::string dir,
                                   const std::string& password)
    : dir_(std::move(dir)) {
  WriteSecretFile(dir_ + "/wms.password", password);
  general_["sql_dir"] = SqlDir();
  connection_ = {{"goods_owner_code", kGoodsOwnerCode},
                 {"goods_owner_id", std::to_string(kGoodsOwnerId)},
                 {"login_name", kUserName},
                 {"password_file", dir_ + "/wms.password"},
                 {"wms_service_url", sim.url()},
                 {"erp_odbc", db.ConnectionString()},
                 {"warehouses", "MAIN"},
                 {"start_date", "2026-11-01"},
                 {"connect_timeout_s", "2"},
                 {"receive_timeout_s", "5"}};
}

InstallationFile& InstallationFile::General(const std::string& key, const std::string& value) {
  general_[key] = value;
  return *this;
}

InstallationFile& InstallationFile::Connection(const std::string& key, const std::string& value) {
  connection_[key] = value;
  return *this;
}

InstallationFile& InstallationFile::AddConnection(
    const std::string& name, const std::map<std::string, std::string>& changes) {
  auto keys = connection_;
  for (const auto& [key, value] : changes)
    keys[key] = value;
  others_[name] = keys;
  return *this;
}

std::string InstallationFile::Write() const {
  const std::string path = dir_ + "/wmsbridge.ini";
  std::ofstream out(path, std::ios::trunc);
  out << "[wmsbridge]\n";
  for (const auto& [key, value] : general_)
    out << key << " = " << value << "\n";
  out << "[connection.demo]\n";
  for (const auto& [key, value] : connection_)
    out << key << " = " << value << "\n";
  for (const auto& [name, keys] : others_) {
    out << "[connection." << name << "]\n";
    for (const auto& [key, value] : keys)
      out << key << " = " << value << "\n";
  }
  if (!out)
    throw std::runtime_error("cannot write " + path);
  return path;
}

}  // namespace wmsbridge::test
