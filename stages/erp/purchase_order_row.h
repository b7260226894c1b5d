#pragma once
// One purchase order as sql/queries/extract_purchase_orders.sql gives it (columns in order).

#include <string>

#include "stages/erp/document_row.h"

namespace wmsbridge::erp {

struct PurchaseOrderRow : DocumentRow {
  std::string supplier_no;
  std::string supplier_name;
  std::string order_date;
};

template <typename V>
void MapColumns(PurchaseOrderRow& r, V& c) {
  c.Id(r.id);
  c.Text(r.number);
  c.Text(r.supplier_no);
  c.Text(r.supplier_name);
  c.Text(r.warehouse_code);
  c.Text(r.order_date);
  c.Text(r.delivery_date);
  c.Text(r.status);
  c.Text(r.updated_at);
  MapSyncColumns(r.sync, c);
  c.Text(r.nul_texts);
}

}  // namespace wmsbridge::erp

template <>
class Poco::Data::TypeHandler<wmsbridge::erp::PurchaseOrderRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::PurchaseOrderRow> {};
