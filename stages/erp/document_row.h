#pragma once
// What every order-like ERP document (customer, purchase and internal order) has, as the
// extract queries give it: its id and number, its wms_sync_state (what Ongoing last accepted),
// and its lines (sql/queries/extract_*_lines.sql). Each kind's row (customer_order_row.h, ...)
// adds its own columns.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stages/erp/row_columns.h"

namespace wmsbridge::erp {

struct DocumentLineRow {
  std::int64_t document_id = 0;
  int line_no = 0;
  std::optional<std::string> article_no;  // none: a text line (R10)
  std::string description;
  std::string quantity;
  std::string unit_price;  // read, not used by the export
  bool article_known = false;
  std::string article_type;  // STOCK or SERVICE
  std::string article_name;
  bool article_active = true;  // article.is_active is true (R7: only active articles go)
  // ERP columns holding a NUL character (the queries' last column, nul_texts; see
  // stages/common/document_texts.h NulColumnsProblem): space-separated, empty when none.
  std::string nul_texts;
};

template <typename V>
void MapColumns(DocumentLineRow& r, V& c) {
  c.Id(r.document_id);
  c.Int(r.line_no);
  c.Optional(r.article_no);
  c.Text(r.description);
  c.Text(r.quantity);
  c.Text(r.unit_price);
  c.Flag(r.article_known);
  c.Text(r.article_type);
  c.Text(r.article_name);
  c.Flag(r.article_active);
  c.Text(r.nul_texts);  // last, as in the queries
}

/// What the connection last told Ongoing about a document (wms_sync_state), as the extract
/// queries join it.
struct SyncColumns {
  std::optional<std::string> last_payload_hash;
  std::optional<std::string> last_status;
  std::optional<std::string> last_erp_id;
  std::optional<std::string> last_wms_id;
  bool number_retired_by_other = false;  // R17: a deleted document left this number in Ongoing
  std::optional<std::string> refused_payload_hash;  // R32: the payload Ongoing last refused
};

template <typename V>
void MapSyncColumns(SyncColumns& s, V& c) {
  c.Optional(s.last_payload_hash);
  c.Optional(s.last_status);
  c.Optional(s.last_erp_id);
  c.Optional(s.last_wms_id);
  c.Flag(s.number_retired_by_other);
  c.Optional(s.refused_payload_hash);
}

struct DocumentRow {
  std::int64_t id = 0;
  std::string number;
  std::string warehouse_code;
  std::string delivery_date;
  std::string status;
  std::string updated_at;
  SyncColumns sync;
  // ERP columns holding a NUL character (mapped last by each kind's MapColumns, nul_texts; see
  // stages/common/document_texts.h NulColumnsProblem): space-separated, empty when none.
  std::string nul_texts;
  bool vanished = false;  // deleted in the ERP: only number, sync.last_erp_id/last_wms_id set
  bool manual = false;    // named by a send request or `wmsbridge send`
  std::vector<DocumentLineRow> lines;
  /// The ids of every live document of its kind in the connection's scope that has this number,
  /// itself included, when there are two or more (select_same_number_*.sql); else empty.
  std::vector<std::int64_t> same_number_ids;
};

/// A document this connection sent that is gone from the ERP
/// (sql/queries/extract_vanished_*.sql).
struct VanishedRow {
  std::string number;
  std::optional<std::string> erp_id;
  std::optional<std::string> wms_id;
  std::optional<std::string> status;                // its wms_sync_state status (DELIVERED, ...)
  std::optional<std::string> refused_payload_hash;  // R32: "remove" once Ongoing refused its cancel
};

template <typename V>
void MapColumns(VanishedRow& r, V& c) {
  c.Text(r.number);
  c.Optional(r.erp_id);
  c.Optional(r.wms_id);
  c.Optional(r.status);
  c.Optional(r.refused_payload_hash);
}

/// One live document that shares its number with another (sql/queries/select_same_number_*.sql).
struct SameNumberRow {
  std::string number;
  std::int64_t id = 0;
};

template <typename V>
void MapColumns(SameNumberRow& r, V& c) {
  c.Text(r.number);
  c.Id(r.id);
}

}  // namespace wmsbridge::erp

template <>
class Poco::Data::TypeHandler<wmsbridge::erp::DocumentLineRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::DocumentLineRow> {};
template <>
class Poco::Data::TypeHandler<wmsbridge::erp::VanishedRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::VanishedRow> {};
template <>
class Poco::Data::TypeHandler<wmsbridge::erp::SameNumberRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::SameNumberRow> {};
