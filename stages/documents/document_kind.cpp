#include "stages/documents/document_kind.h"

namespace wmsbridge::documents {

DocumentKind OutboundKind(std::string doc_type, std::string noun, std::string send_command) {
  DocumentKind kind{std::move(doc_type),
                    std::move(noun),
                    std::move(send_command),
                    false,
                    "ProcessOrder",
                    {},
                    {},
                    {}};
  kind.render = [](wms::RequestRenderer& renderer, const WmsDocument& document) {
    return renderer.OrderRequest(std::get<wms::CustomerOrder>(document));
  };
  kind.send = [](wms::WmsClient& client, const WmsDocument& document) {
    return client.ProcessOrder(std::get<wms::CustomerOrder>(document));
  };
  kind.look_up = [](wms::WmsClient& client,
                    const WmsDocument& document) -> std::optional<wms::DocumentState> {
    const std::string& number = std::get<wms::CustomerOrder>(document).order_number;
    wms::OrderQuery query;
    query.order_numbers = {number};
    for (const auto& found : client.GetOrders(query)) {
      if (found.order_number == number)
        return wms::DocumentState{found.order_id, found.status, found.status_text};
    }
    return std::nullopt;
  };
  return kind;
}

DocumentKind InboundKind(std::string doc_type, std::string noun, std::string send_command) {
  DocumentKind kind{std::move(doc_type),
                    std::move(noun),
                    std::move(send_command),
                    true,
                    "ProcessInOrder",
                    {},
                    {},
                    {}};
  kind.render = [](wms::RequestRenderer& renderer, const WmsDocument& document) {
    return renderer.InOrderRequest(std::get<wms::InOrder>(document));
  };
  kind.send = [](wms::WmsClient& client, const WmsDocument& document) {
    return client.ProcessInOrder(std::get<wms::InOrder>(document));
  };
  kind.look_up = [](wms::WmsClient& client,
                    const WmsDocument& document) -> std::optional<wms::DocumentState> {
    const std::string& number = std::get<wms::InOrder>(document).order_number;
    wms::InOrderQuery query;
    query.order_numbers = {number};
    for (const auto& found : client.GetInOrders(query)) {
      if (found.order_number == number)
        return wms::DocumentState{found.in_order_id, found.status, found.status_text};
    }
    return std::nullopt;
  };
  return kind;
}

std::string ReusedNumberMessage(const DocumentKind& kind, const std::string& number) {
  return kind.noun + " number " + number + " was used before by " + kind.noun +
         " that was deleted in the ERP; Ongoing keeps that " + kind.noun +
         " (cancelled) under the same number. Ask the 3PL to renumber the cancelled " + kind.noun +
         " " + number + " in Ongoing, then send this " + kind.noun + " again (wmsbridge send " +
         kind.send_command + " " + number + ")";
}

std::string ExplainRefusal(const DocumentKind& kind, const std::string& number,
                           DocumentAction action, const std::string& ongoing_message,
                           const std::optional<wms::DocumentState>& state) {
  // Ongoing's words are shown, never interpreted: the case is told by the document's state.
  if (state && state->status == wms::kCancelledStatus && action == DocumentAction::kSend)
    return ReusedNumberMessage(kind, number);  // R17, R21, R23
  if (state && wms::HandlingStarted(state->status)) {
    const std::string what = action == DocumentAction::kSend ? "update" : "cancelling";
    const std::string status = "status " + std::to_string(state->status) +
                               (state->status_text.empty() ? "" : " " + state->status_text);
    return "Ongoing refused the " + what + " of " + kind.noun + " " + number +
           (kind.inbound ? ": the warehouse has started receiving it ("
                         : ": the warehouse has started picking it (") +
           status + "; Ongoing said: " + ongoing_message + "). Agree any change with the 3PL.";
  }
  return "Ongoing refused " + kind.noun + " " + number + ": " + ongoing_message;
}

}  // namespace wmsbridge::documents
