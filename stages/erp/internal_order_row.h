#pragma once
// One internal order (a transfer between warehouses) as sql/queries/extract_internal_orders.sql
// gives it (columns in order); warehouse_code is the from-warehouse, the delivery address the
// to-warehouse's.

#include <string>

#include "stages/erp/document_row.h"

namespace wmsbridge::erp {

struct InternalOrderRow : DocumentRow {
  bool from_connected = true;  // R24
  std::string to_warehouse_code;
  bool to_connected = false;  // R24
  std::string delivery_name, delivery_address, delivery_postcode, delivery_city,
      delivery_country_code;
};

template <typename V>
void MapColumns(InternalOrderRow& r, V& c) {
  c.Id(r.id);
  c.Text(r.number);
  c.Text(r.warehouse_code);
  c.Flag(r.from_connected);
  c.Text(r.to_warehouse_code);
  c.Flag(r.to_connected);
  c.Text(r.delivery_name);
  c.Text(r.delivery_address);
  c.Text(r.delivery_postcode);
  c.Text(r.delivery_city);
  c.Text(r.delivery_country_code);
  c.Text(r.delivery_date);
  c.Text(r.status);
  c.Text(r.updated_at);
  MapSyncColumns(r.sync, c);
  c.Text(r.nul_texts);
}

}  // namespace wmsbridge::erp

template <>
class Poco::Data::TypeHandler<wmsbridge::erp::InternalOrderRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::InternalOrderRow> {};
