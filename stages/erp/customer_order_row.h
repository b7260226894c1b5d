#pragma once
// One customer order as sql/queries/extract_customer_orders.sql gives it (columns in order).

#include <string>

#include "stages/erp/document_row.h"

namespace wmsbridge::erp {

struct CustomerOrderRow : DocumentRow {
  std::string order_date;
  std::string currency_code;
  bool currency_known_in_erp = true;
  std::string delivery_method_id;
  std::string delivery_method_key;
  std::string dm_code;  // the matched delivery method, empty if none matched
  std::string dm_carrier_code;
  std::string dm_carrier_service_code;
  std::string pickup_point_code;
  std::string pickup_point_name;
  std::string delivery_name, delivery_address, delivery_address2, delivery_postcode, delivery_city,
      delivery_country_code, delivery_email, delivery_phone;
  std::string reference;
  std::string remark;
  std::string payment_method;
  std::string customer_no;
};

template <typename V>
void MapColumns(CustomerOrderRow& r, V& c) {
  c.Id(r.id);
  c.Text(r.number);
  c.Text(r.warehouse_code);
  c.Text(r.order_date);
  c.Text(r.delivery_date);
  c.Text(r.currency_code);
  c.Flag(r.currency_known_in_erp);
  c.Text(r.delivery_method_id);
  c.Text(r.delivery_method_key);
  c.Text(r.dm_code);
  c.Text(r.dm_carrier_code);
  c.Text(r.dm_carrier_service_code);
  c.Text(r.pickup_point_code);
  c.Text(r.pickup_point_name);
  c.Text(r.delivery_name);
  c.Text(r.delivery_address);
  c.Text(r.delivery_address2);
  c.Text(r.delivery_postcode);
  c.Text(r.delivery_city);
  c.Text(r.delivery_country_code);
  c.Text(r.delivery_email);
  c.Text(r.delivery_phone);
  c.Text(r.reference);
  c.Text(r.remark);
  c.Text(r.payment_method);
  c.Text(r.status);
  c.Text(r.updated_at);
  c.Text(r.customer_no);
  MapSyncColumns(r.sync, c);
  c.Text(r.nul_texts);
}

}  // namespace wmsbridge::erp

template <>
class Poco::Data::TypeHandler<wmsbridge::erp::CustomerOrderRow>
    : public wmsbridge::erp::ColumnTypeHandler<wmsbridge::erp::CustomerOrderRow> {};
