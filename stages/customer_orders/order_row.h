#pragma once
// One customer order as sql/queries/extract_customer_orders.sql and
// extract_customer_order_lines.sql give it, and what the transform decides for it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stages/wms/wms_types.h"

namespace wmsbridge::customer_orders {

inline constexpr const char* kDocType = "customer_order";

// The ERP's order documents share these rows: customer orders, purchase orders (sent as
// in-orders) and internal orders (sent as outbound orders). Fields a kind lacks stay empty.

struct ErpOrderLine {
  int line_no = 0;
  std::optional<std::string> article_no;  // none: a text line (R10)
  std::string description;
  std::string quantity;
  bool article_known = false;
  std::string article_type;  // STOCK or SERVICE
  std::string article_name;
};

struct ErpOrder {
  std::int64_t order_id = 0;
  std::string order_no;
  std::string warehouse_code;
  std::string order_date;
  std::string delivery_date;
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
  std::string status;  // OPEN, CANCELLED, PARTIALLY_DELIVERED, DELIVERED
  std::string updated_at;
  std::string customer_no;
  std::optional<std::string> last_payload_hash;
  std::optional<std::string> last_status;
  std::optional<std::string> last_erp_id;
  std::optional<std::string> last_wms_id;
  bool number_retired_by_other = false;  // R17
  std::string supplier_no;               // purchase orders
  std::string supplier_name;             // purchase orders
  std::string to_warehouse_code;         // internal orders: from = warehouse_code
  bool from_connected = true;            // internal orders (R24)
  bool to_connected = false;             // internal orders (R24)
  bool vanished = false;  // deleted in the ERP: only order_no, last_erp_id, last_wms_id are set
  bool manual = false;    // named by a send request or `wmsbridge send`
  std::vector<ErpOrderLine> lines;
};

enum class OrderAction {
  kSend,       // ProcessOrder CreateOrUpdate
  kCancel,     // ProcessOrder Remove, the order stays in the ERP as cancelled (R16)
  kRetire,     // ProcessOrder Remove, the order was deleted in the ERP; its number is retired (R17)
  kUnchanged,  // nothing to do
  kReject,     // refused here with a reason (R30)
  kNotSent,    // nothing the warehouse could act on (e.g. no pickable line); reason recorded
};

struct OrderWork {
  std::int64_t order_id = 0;
  std::string order_no;
  std::string updated_at;
  OrderAction action = OrderAction::kSend;
  std::string reason;                    // for kReject / kNotSent
  std::optional<std::string> note;       // a warning recorded with a sent order (R6, R10)
  wms::CustomerOrder document;           // ProcessOrder (customer and internal orders)
  std::optional<wms::InOrder> in_order;  // ProcessInOrder instead (purchase orders)
  std::string payload_hash;
  std::string erp_id;
  bool manual = false;
};

}  // namespace wmsbridge::customer_orders
