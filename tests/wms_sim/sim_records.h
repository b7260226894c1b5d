#pragma once
// Plain records the simulator keeps, as SimStore hands them out (no gSOAP types here).
// Quantities are exact decimal text (wms::Decimal); times are DB stamps (see sim_time.h).

#include <string>
#include <vector>

#include "tests/wms_sim/sim_status.h"

namespace wmsbridge::sim {

/// Ongoing's tenant-side identity of one ERP company. The password is a secret: never print it.
struct GoodsOwner {
  int id = 0;
  std::string code;
  std::string user_name;
  std::string password;
};

struct Warehouse {
  int id = 0;
  std::string code;
};

/// One transporter service, e.g. DHL / PARCEL "DHL Parcel Connect".
struct Transporter {
  std::string code;
  std::string service_code;
  std::string name;
};

struct Article {
  int system_id = 0;  // Ongoing's ArticleDefId / ArticleSystemId
  std::string article_number;
  std::string name;
  std::string barcode;
  std::string supplier_article_number;
  std::string statistics_number;
  std::string unit_code;
  std::string weight;  // as received, "" when never sent
  std::string volume;
  bool is_stock_article = true;
  bool is_active = true;
  std::string created;
  std::string updated;
};

struct OrderLine {
  int line_id = 0;  // OrderLineSystemId
  int line_no = 0;
  std::string external_line_code;
  std::string article_number;  // "" for text lines
  std::string article_name;
  std::string ordered_qty;
  std::string picked_qty;
  std::string reported_qty;  // ReportedNumberOfItems; "" = nil (never reported)
  std::string comment;
  bool is_text_line = false;
  std::string currency_code;
};

/// A colli: tracking number (label) and link. Ongoing lists the warehouse's own packages and
/// pallets among an order's pallet items too; only those booked with the carrier have
/// IsTaPalletItem = true (reference notes §6d).
struct Parcel {
  std::string label_id;
  std::string tracking_url;
  int id = 0;              // set when read back; ignored by Ship
  bool is_carrier = true;  // false: a warehouse-internal package (IsTaPalletItem = false)
};

struct Consignee {
  std::string customer_number;
  std::string name;
  std::string address;
  std::string address2;
  std::string post_code;
  std::string city;
  std::string country_code;
  std::string email;
  std::string phone;
  std::string mobile;
  bool notify_by_sms = false;
};

struct Order {
  int order_id = 0;          // Ongoing's OrderId
  std::string order_number;  // GoodsOwnerOrderNumber
  OrderStatus status = OrderStatus::kOpen;
  bool is_cancelled = false;
  std::string reference;
  std::string remark;
  std::string delivery_instruction;
  std::string delivery_date;  // as received
  std::string service_point_code;
  std::string transporter_code;
  std::string transporter_service_code;
  std::string order_type_code;
  int warehouse_id = 0;  // the warehouse that picks it (OutboundWarehouse, else default)
  std::string warehouse_code;
  Consignee consignee;
  std::string waybill;
  std::string waybill_url;
  std::string created;
  std::string updated;
  std::string picking_started;   // "" until picking starts
  std::string shipped_time;      // "" until status 450 or later
  std::vector<OrderLine> lines;  // text lines included (is_text_line)
  std::vector<Parcel> parcels;
};

struct InOrderLine {
  int line_id = 0;  // InOrderLineId
  int line_no = 0;
  std::string external_line_code;
  std::string article_number;
  std::string article_name;
  std::string advised_qty;
  std::string received_qty;
  std::string reported_qty;  // ReportedNumberOfItems; "" = nil (never reported)
  std::string comment;
};

struct InOrder {
  int in_order_id = 0;
  std::string order_number;
  InOrderStatus status = InOrderStatus::kOpen;
  bool is_cancelled = false;
  std::string reference;
  std::string remark;
  std::string in_date;  // as received
  std::string order_date;
  int warehouse_id = 0;
  std::string warehouse_code;
  std::string supplier_number;
  std::string supplier_name;
  std::string created;
  std::string updated;
  std::string received_time;  // "" until something was received
  std::vector<InOrderLine> lines;
};

struct WarehouseStock {
  int warehouse_id = 0;
  std::string warehouse_code;
  std::string qty;
  std::string booked_qty;  // open demand of the orders this warehouse picks
};

/// Stock of one article; every total is exact decimal text.
struct ArticleStock {
  Article article;
  std::string on_hand;       // sum over warehouses
  std::string booked;        // ordered but not yet picked on orders that are not sent or cancelled
  std::string to_receive;    // advised but not yet received on open in-orders
  std::string last_in_time;  // last positive inventory transaction, "" if none
  std::vector<WarehouseStock> warehouses;
};

struct InventoryTransaction {
  int inventory_id = 0;
  int article_system_id = 0;
  std::string article_number;
  int warehouse_id = 0;
  std::string warehouse_code;
  std::string qty_change;
  std::string time;
  std::string comment;
  bool reported = false;
};

/// The inventory changes of one article (GetInventoryChanges).
struct ArticleChanges {
  Article article;
  std::string total_change;
  std::vector<InventoryTransaction> transactions;
};

}  // namespace wmsbridge::sim
