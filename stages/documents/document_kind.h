#pragma once
// What tells one kind of order document from another where they share code: its name in the
// wms_ tables and in messages, the command that sends one again, and the WMS calls that take it.
// Each entity folder defines its kind (customer_orders/order_kind.cpp, ...); the shared source,
// sink and job never branch on the kind.

#include <functional>
#include <optional>
#include <string>

#include "stages/documents/document_work.h"
#include "stages/wms/request_renderer.h"
#include "stages/wms/wms_client.h"

namespace wmsbridge::documents {

struct DocumentKind {
  std::string doc_type;      // wms_ tables' doc_type, e.g. "customer_order"
  std::string noun;          // in messages, e.g. "order"
  std::string send_command;  // wmsbridge send <send_command> NO
  bool inbound = false;      // received by the warehouse (in-orders), not picked
  std::string call;          // the write call's name, as a dry run names it: "ProcessOrder"
  /// The write call (ProcessOrder or ProcessInOrder); throws what the client throws.
  std::function<wms::WriteResult(wms::WmsClient&, const WmsDocument&)> send;
  /// What Ongoing holds under the document's number, or nullopt; throws what the client throws.
  std::function<std::optional<wms::DocumentState>(wms::WmsClient&, const WmsDocument&)> look_up;
  /// The request `send` would make, secrets masked (a dry run's --show-xml); throws what the
  /// renderer throws.
  std::function<std::string(wms::RequestRenderer&, const WmsDocument&)> render;
};

/// The calls of documents Ongoing takes as outbound orders (ProcessOrder, GetOrdersByQuery).
DocumentKind OutboundKind(std::string doc_type, std::string noun, std::string send_command);
/// The calls of documents Ongoing takes as in-orders (ProcessInOrder, GetInOrdersByQuery).
DocumentKind InboundKind(std::string doc_type, std::string noun, std::string send_command);

/// The words of R17 for a number Ongoing keeps for a deleted (cancelled) document.
std::string ReusedNumberMessage(const DocumentKind& kind, const std::string& number);

/// Ongoing's refusal of a document in words a person can act on, told by what Ongoing holds
/// under the number (`state`, read after the refusal): a cancelled document under the number of
/// a new one is R17's reused number; a document the warehouse has started handling is locked.
std::string ExplainRefusal(const DocumentKind& kind, const std::string& number,
                           DocumentAction action, const std::string& ongoing_message,
                           const std::optional<wms::DocumentState>& state);

}  // namespace wmsbridge::documents
