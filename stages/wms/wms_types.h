#pragma once
// Domain types of the warehouse side, as the stages see them. They name Ongoing's concepts
// (goods owner, in-order, transporter contract) but carry no gSOAP type: the adapter in
// stages/ongoing/ converts them to and from the wire (ToSoap/FromSoap).
//
// Quantities, weights and money are decimal strings exactly as they travel ("12.5", "0.250"):
// no binary floating point between the ERP column and the SOAP element.
// Dates and times are ISO 8601 strings ("2026-11-27", "2026-11-27T10:15:00").

#include <optional>
#include <string>
#include <vector>

namespace wmsbridge::wms {

/// One article as Ongoing's ProcessArticle takes it (ArticleDefinition, CreateOrUpdate by number).
struct ArticleDefinition {
  std::string article_number;
  std::string name;
  std::string supplier_article_number;
  std::string barcode;
  std::string statistics_number;  // the ERP's intrastat number
  std::optional<std::string> weight_kg;
  std::optional<std::string> volume_m3;
  bool is_stock_article = true;  // false for the ERP's "Service / non-plannable" articles
  std::string unit_code = "St";
  std::optional<bool> is_active;
};

/// Ongoing's answer to a Process* call (FileResultClass) once it said Success=true.
struct WriteResult {
  int wms_id = 0;  // ArticleDefId, OrderId or InOrderId
  std::string message;
};

enum class OrderOperation { kCreate, kCreateOrUpdate, kUpdate, kRemove };

struct Consignee {
  std::string customer_number;  // sent as ExternalCustomerCode
  std::string name;
  std::string address;
  std::string address2;
  std::string postcode;
  std::string city;
  std::string country_code;
  std::string email;
  std::string phone;         // TelePhone: the ERP's one phone, whatever kind it is
  std::string mobile_phone;  // MobilePhone: the same number, only when it is a mobile number
  bool notify_by_sms = false;
};

struct OrderLine {
  std::string external_line_code;  // unique per order, lets one article stand on several lines
  std::string article_number;
  std::string article_name;
  std::string quantity;
  std::optional<std::string> line_price;
  std::optional<std::string> currency_code;
  std::string comment;
};

/// A line the warehouse does not pick (free text, R10).
struct TextLine {
  std::string external_line_code;
  std::string text;
};

/// A customer order (or internal order) as ProcessOrder takes it.
struct CustomerOrder {
  OrderOperation operation = OrderOperation::kCreateOrUpdate;
  std::string order_number;  // GoodsOwnerOrderNumber: the ERP's visible number
  std::string goods_owner_order_id;
  std::string reference;
  std::string remark;
  std::string delivery_instruction;
  std::string delivery_date;  // required by Ongoing
  std::string order_type_code;
  std::string service_point_code;
  // OutboundWarehouse by code: the Ongoing warehouse that picks the order (R3); empty: left
  // out, Ongoing's default warehouse.
  std::string warehouse_code;
  Consignee consignee;
  std::optional<std::string> transporter_code;
  std::optional<std::string> transporter_service_code;
  std::vector<OrderLine> lines;
  std::vector<TextLine> text_lines;
};

struct InOrderLine {
  std::string external_line_code;
  std::string article_number;
  std::string article_name;
  std::string quantity;
  std::string comment;
};

enum class InOrderOperation { kCreate, kCreateOrUpdate, kRemove };

/// A purchase order as ProcessInOrder takes it.
struct InOrder {
  InOrderOperation operation = InOrderOperation::kCreateOrUpdate;
  std::string order_number;
  std::string reference;
  std::string remark;
  std::string in_date;  // expected delivery date
  std::string order_date;
  std::string warehouse_code;
  std::string supplier_number;
  std::string supplier_name;
  std::vector<InOrderLine> lines;
};

/// Paged read of orders: ascending by Ongoing's order id, "id greater than" plus a page size.
struct OrderQuery {
  std::vector<std::string> order_numbers;
  std::optional<int> status_from;
  std::optional<int> status_to;
  std::optional<std::string> last_updated_from;
  std::optional<int> order_id_from;
  std::optional<int> max_count;
  // Only these orders (OrderFilters.OrderIdsToGet; a webhook names its order by Ongoing's id,
  // R34); empty: no such filter.
  std::vector<int> order_ids;
  // Report-back (reference notes 6c): only orders with a line whose picked quantity differs
  // from its ReportedNumberOfItems (OrderSpecialFilters.OnlyOrdersWithOrderLinesToReport).
  bool only_to_report = false;
};

struct PickedLine {
  std::string external_line_code;
  std::string article_number;
  std::string ordered_quantity;
  std::string picked_quantity;
  int line_id = 0;                               // OrderLineSystemId (UpdateOrderLines)
  std::optional<std::string> reported_quantity;  // ReportedNumberOfItems; nil: never reported
};

struct Parcel {
  std::string tracking_number;
  std::string tracking_url;
  // Booked with the carrier (Ongoing's IsTaPalletItem): a parcel whose number a customer can
  // track. False for the warehouse's own packages and pallets, which carry no tracking (R26).
  bool is_carrier_parcel = true;
};

struct ShippedOrder {
  int order_id = 0;
  std::string order_number;
  int status = 0;
  std::string status_text;
  std::string waybill;
  std::string shipped_time;  // as Ongoing wrote it (stages/common/wms_time.h reads it)
  std::string transporter_code;
  std::string transporter_service_code;
  std::vector<PickedLine> lines;
  std::vector<Parcel> parcels;
  std::vector<Parcel> shipment_tracking;  // order-level waybills and links
};

struct InOrderQuery {
  std::vector<std::string> order_numbers;
  std::optional<int> status_from;
  std::optional<int> status_to;
  std::optional<std::string> last_updated_from;
  std::optional<int> in_order_id_from;
  std::optional<int> max_count;
  // Only these in-orders (InOrderFilters.InOrderIdsToGet, R34); empty: no such filter.
  std::vector<int> in_order_ids;
  // Report-back: only in-orders with a line whose received quantity differs from its
  // ReportedNumberOfItems
  // (InOrderSpecialFilters.OnlyWithInOrderLinesWithDiffingReceviedToReported).
  bool only_to_report = false;
};

struct ReceivedLine {
  int line_id = 0;  // InOrderLineId (UpdateInOrderLines)
  std::string external_line_code;
  std::string article_number;
  std::string advised_quantity;
  std::string received_quantity;
  std::optional<std::string> reported_quantity;  // ReportedNumberOfItems; nil: never reported
};

struct ReceivedInOrder {
  int in_order_id = 0;
  std::string order_number;
  int status = 0;
  std::string status_text;
  std::vector<ReceivedLine> lines;
};

/// One line's ReportedNumberOfItems to set: what the ERP has taken of it (reference notes 6c).
struct ReportedLine {
  int line_id = 0;       // OrderLineSystemId or InOrderLineId
  std::string quantity;  // decimal text
};

/// The lines of one order or in-order to mark reported (UpdateOrderLines / UpdateInOrderLines).
struct ReportedDocument {
  int wms_id = 0;            // OrderId or InOrderId
  std::string order_number;  // GoodsOwnerOrderNumber, for messages
  std::vector<ReportedLine> lines;
};

struct InventoryQuery {
  std::vector<std::string> article_numbers;
  std::optional<int> article_system_id_from;
  std::optional<int> max_count;
  std::optional<std::vector<int>> warehouse_ids;  // per-warehouse read only
};

struct WarehouseStock {
  int warehouse_id = 0;
  std::string warehouse_code;
  std::string quantity;
  std::string sellable_quantity;
};

struct ArticleStock {
  int article_system_id = 0;
  std::string article_number;
  std::string quantity;
  std::string sellable_quantity;
  std::vector<WarehouseStock> warehouses;  // only from the per-warehouse read
};

struct InventoryChangesQuery {
  std::string from_time;
  std::string to_time;
  bool only_unreported = true;
  std::optional<int> warehouse_id;
  std::optional<int> article_id_from;
  std::optional<int> max_count;
};

struct InventoryTransaction {
  int inventory_id = 0;
  std::string quantity_change;
  std::string time;
  std::string warehouse_code;
  std::string comment;
};

struct InventoryChange {
  int article_system_id = 0;
  std::string article_number;
  std::string quantity_change;
  std::vector<InventoryTransaction> transactions;
};

/// What Ongoing holds under one document number: read after a refusal, to tell the user why by
/// the document's state instead of by the words of the refusal (their wording is no contract).
struct DocumentState {
  int wms_id = 0;
  int status = 0;
  std::string status_text;
};

/// Ongoing's standard status numbers (reference notes §6): 1000 Cancelled; from 300 on an
/// order is released for picking (an in-order: receiving has started) and no longer changes.
inline constexpr int kCancelledStatus = 1000;
inline constexpr int kHandlingStartedStatus = 300;

/// True when the warehouse has started handling the document (and not cancelled it).
inline bool HandlingStarted(int status) {
  return status >= kHandlingStartedStatus && status != kCancelledStatus;
}

struct TransporterService {
  std::string code;
  std::string name;
};

struct TransporterContract {
  std::string transporter_code;
  std::string transporter_name;
  std::vector<TransporterService> services;
};

struct StatusCode {
  int id = 0;
  std::string name;
};

struct SystemStatus {
  bool is_running = false;
  std::string text;
  std::string build_time;
};

}  // namespace wmsbridge::wms
