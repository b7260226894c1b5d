#pragma once
// The ERP's requests to send one document (wms_send_request, R14) and what became of them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stages/erp/erp_database.h"
#include "stages/erp/row_columns.h"

namespace wmsbridge::erp {

struct SendRequestRow {
  std::string request_id;
  std::string doc_no;
};

template <typename V>
void MapColumns(SendRequestRow& r, V& c) {
  c.Text(r.request_id);
  c.Text(r.doc_no);
}

/// A document's wms_sync_state as a request's outcome reports it.
struct DocumentStateRow {
  std::string status;
  std::string message;
  std::optional<std::string> last_run_id;
};

template <typename V>
void MapColumns(DocumentStateRow& r, V& c) {
  c.Text(r.status);
  c.Text(r.message);
  c.Optional(r.last_run_id);
}

class SendRequestStore {
 public:
  explicit SendRequestStore(ErpDatabase& db) : db_(db) {}

  /// The unprocessed requests for documents of doc_type for this connection (or for any), in
  /// the order they were made. Throws Poco::Data::DataException.
  std::vector<SendRequestRow> Pending(const std::string& doc_type, const std::string& connection);
  /// The sync state of one document, or nullopt if the connection never handled it. Throws
  /// Poco::Data::DataException.
  std::optional<DocumentStateRow> State(const std::string& connection, const std::string& doc_type,
                                        const std::string& doc_no);
  /// True when a deleted document of the number was cancelled in Ongoing and the number
  /// retired (wms_retired_number). Throws Poco::Data::DataException.
  bool Retired(const std::string& connection, const std::string& doc_type,
               const std::string& doc_no);
  /// Marks a request processed now with its outcome and message. Throws
  /// Poco::Data::DataException.
  void Finish(const std::string& request_id, const std::string& outcome,
              const std::string& message);

 private:
  ErpDatabase& db_;
};

}  // namespace wmsbridge::erp

template <>
class Poco::Data::TypeHandler<wmsbridge::erp::SendRequestRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::SendRequestRow> {};
template <>
class Poco::Data::TypeHandler<wmsbridge::erp::DocumentStateRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::DocumentStateRow> {};
