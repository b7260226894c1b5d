#pragma once
// What the service hands to SimStore: the gSOAP-free form of the Process* documents and of
// the query filters, plus the answer of a Process* call.

#include <optional>
#include <string>
#include <vector>

namespace wmsbridge::sim {

/// Fields of ArticleDefinition the simulator keeps. Absent fields keep their stored value.
struct ArticleInput {
  std::optional<int> system_id;  // used when identification is by SystemId
  bool identify_by_system_id = false;
  std::optional<std::string> article_number;
  std::optional<std::string> name;
  std::optional<std::string> barcode;
  std::optional<std::string> supplier_article_number;
  std::optional<std::string> statistics_number;
  std::optional<std::string> unit_code;
  std::optional<std::string> weight;
  std::optional<std::string> volume;
  std::optional<bool> is_stock_article;
  std::optional<bool> is_active;
};

enum class OrderOperation { kCreate, kCreateOrUpdate, kUpdate, kRemove };
enum class InOrderOperation { kCreate, kCreateOrUpdate, kRemove };

/// How a line is told apart from the order's other lines (OrderLineIdentificationType).
enum class LineIdentification { kExternalOrderLineCode, kArticleNumber, kOther };

struct OrderLineInput {
  LineIdentification identification = LineIdentification::kArticleNumber;
  std::string external_line_code;
  std::string article_number;
  std::string article_name;
  std::string qty;  // NumberOfItems as received
  std::string comment;
  std::string currency_code;
  bool is_text_line = false;
};

struct TransporterRef {
  std::string code;
  std::string service_code;
};

/// OutboundWarehouse: how the order names the warehouse that picks it.
enum class WarehouseIdentification { kCode, kName, kId };

struct WarehouseRef {
  WarehouseIdentification identification = WarehouseIdentification::kCode;
  std::string code;
  std::string name;
  std::optional<int> id;
};

struct ConsigneeInput {
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

struct OrderInput {
  OrderOperation operation = OrderOperation::kCreateOrUpdate;
  std::string order_number;
  std::optional<std::string> reference;
  std::optional<std::string> remark;
  std::optional<std::string> delivery_instruction;
  std::string delivery_date;
  std::optional<std::string> service_point_code;
  std::optional<std::string> order_type_code;
  std::optional<TransporterRef> transporter;
  std::optional<WarehouseRef> warehouse;  // absent: unchanged (a new order: the default)
  std::optional<ConsigneeInput> consignee;
  std::vector<OrderLineInput> lines;  // article lines, then text lines
};

struct InOrderLineInput {
  LineIdentification identification = LineIdentification::kArticleNumber;
  std::string external_line_code;
  std::string article_number;
  std::string article_name;
  std::string qty;
  std::string comment;
};

struct InOrderInput {
  InOrderOperation operation = InOrderOperation::kCreateOrUpdate;
  std::string order_number;
  std::optional<std::string> reference;
  std::optional<std::string> remark;
  std::optional<std::string> in_date;
  std::optional<std::string> order_date;
  std::optional<std::string> warehouse_code;
  std::optional<std::string> supplier_number;
  std::optional<std::string> supplier_name;
  std::vector<InOrderLineInput> lines;
};

/// The answer of ProcessArticle / ProcessOrder / ProcessInOrder (Ongoing's FileResultClass).
/// A rejected document is data (success=false with error_message), never an exception.
struct ProcessResult {
  bool success = false;
  std::string message;
  std::string error_message;
  std::string order_number;
  int order_id = 0;
  int in_order_id = 0;
  std::optional<int> article_def_id;
};

/// One line of UpdateOrderLines / UpdateInOrderLines: its ReportedNumberOfItems (report-back).
struct ReportedLineInput {
  std::optional<int> line_id;           // set: identified by OrderLineId / InOrderLineId
  std::string external_line_code;       // else by ExternalOrderLineCode
  std::optional<std::string> reported;  // nullopt: nil (never reported)
};

/// UpdateOrderLines / UpdateInOrderLines: the document by SystemId or GoodsOwnerOrderNumber.
struct ReportedLinesInput {
  std::optional<int> document_id;  // set: by OrderId / InOrderId (SystemId)
  std::string document_number;     // else by GoodsOwnerOrderNumber
  std::vector<ReportedLineInput> lines;
};

/// GetOrdersByQuery filters; an unset field does not filter. Times are DB stamps.
struct OrderQuery {
  std::vector<std::string> order_numbers;
  std::vector<int> order_ids;
  std::optional<int> status_from;
  std::optional<int> status_to;
  std::optional<std::string> updated_from;
  std::optional<std::string> updated_to;
  std::optional<int> order_id_from;  // id greater than
  std::optional<int> max_count;
  bool only_to_report = false;  // OnlyOrdersWithOrderLinesToReport: picked differs from reported
};

struct InOrderQuery {
  std::vector<std::string> order_numbers;
  std::vector<int> in_order_ids;
  std::optional<int> status_from;
  std::optional<int> status_to;
  std::optional<std::string> updated_from;
  std::optional<std::string> updated_to;
  std::optional<int> in_order_id_from;  // id greater than
  std::optional<int> max_count;
  bool only_to_report = false;  // OnlyWithInOrderLinesWithDiffingReceviedToReported
};

/// GetInventoryByQuery / GetInventoryPerWarehouse filters.
struct StockQuery {
  std::vector<std::string> article_numbers;
  std::optional<int> system_id_from;  // id greater than
  std::optional<int> max_count;
  std::optional<std::string> changed_from;  // DB stamp
  std::vector<int> warehouse_ids;           // empty: all
};

struct InventoryChangesQuery {
  std::optional<std::string> from;  // DB stamps, inclusive
  std::optional<std::string> to;
  bool only_unreported = false;
  std::optional<int> warehouse_id;
  std::optional<int> inventory_id;
  std::optional<int> article_id_from;  // id greater than
  std::optional<int> max_count;        // articles
};

/// One line of a warehouse command: a line key (external line code, else article number) and an
/// absolute quantity.
struct LineQuantity {
  std::string line_key;
  std::string qty;
};

/// Order-level shipment number and link (Order/Tracking).
struct Waybill {
  std::string number;
  std::string url;
};

}  // namespace wmsbridge::sim
