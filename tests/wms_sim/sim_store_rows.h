#pragma once
// Internal to SimStore's .cpp files: reading records from rows, looking things up inside an
// open transaction, and the one place that changes stock. Not part of the public API.

#include <Poco/Data/Binding.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stages/wms/decimal.h"
#include "tests/wms_sim/sim_records.h"
#include "tests/wms_sim/sim_webhooks.h"

namespace wmsbridge::sim::detail {

/// Bound values of a statement whose WHERE clause is built piece by piece.
using Bindings = std::vector<Poco::Data::AbstractBinding::Ptr>;

/// Runs a SELECT with the given bindings and returns its rows.
Poco::Data::RecordSet Select(Poco::Data::Session& session, const std::string& sql,
                             const Bindings& bindings);

/// "?, ?, ?" for `count` placeholders.
std::string Placeholders(std::size_t count);

/// The filters GetOrdersByQuery and GetInOrdersByQuery share, over a table aliased `alias`
/// whose id column is `id_column` (orders and in-orders alike).
struct DocumentFilter {
  std::vector<std::string> numbers;
  std::vector<int> ids;
  std::optional<int> status_from, status_to;
  std::optional<std::string> updated_from, updated_to;
  std::optional<int> id_from;  // id greater than
};

/// The WHERE clause for one goods owner and the filter; appends the bound values to `bindings`.
std::string FilterWhere(const std::string& alias, const std::string& id_column, int goods_owner_id,
                        const DocumentFilter& filter, Bindings& bindings);

/// Articles matching `where` (SQL over sim_articles, may use ?), ordered by system id.
std::vector<Article> LoadArticles(Poco::Data::Session& session, const std::string& where,
                                  const Bindings& bindings, std::optional<int> limit = {});
std::optional<Article> FindArticleByNumber(Poco::Data::Session& session, int goods_owner_id,
                                           const std::string& article_number);

/// Orders matching `where` (SQL over sim_orders o), ascending by id, lines/parcels filled.
std::vector<Order> LoadOrders(Poco::Data::Session& session, const std::string& where,
                              const Bindings& bindings, std::optional<int> limit = {});
std::optional<Order> FindOrderByNumber(Poco::Data::Session& session, int goods_owner_id,
                                       const std::string& order_number);

/// Report-back (reference notes 6c), as a condition on orders `o`: an article line whose
/// picked quantity differs from its ReportedNumberOfItems (nil counts as 0). Quantities are
/// decimal text, compared as numbers ("2" and "2.000" are the same).
inline constexpr const char* kOrderHasLinesToReport =
    "EXISTS (SELECT 1 FROM sim_order_lines l WHERE l.order_id = o.order_id AND l.is_text_line = "
    "0 AND CAST(l.picked_qty AS REAL) <> CAST(coalesce(l.reported_qty, '0') AS REAL))";
/// The same for in-orders `i`: a line whose received quantity differs from its reported one.
inline constexpr const char* kInOrderHasLinesToReport =
    "EXISTS (SELECT 1 FROM sim_in_order_lines l WHERE l.in_order_id = i.in_order_id AND "
    "CAST(l.received_qty AS REAL) <> CAST(coalesce(l.reported_qty, '0') AS REAL))";

/// In-orders matching `where` (SQL over sim_in_orders i), ascending by id, lines filled.
std::vector<InOrder> LoadInOrders(Poco::Data::Session& session, const std::string& where,
                                  const Bindings& bindings, std::optional<int> limit = {});
std::optional<InOrder> FindInOrderByNumber(Poco::Data::Session& session, int goods_owner_id,
                                           const std::string& order_number);

/// The warehouse with that id or code; nullopt if none. "" gives the default warehouse.
std::optional<Warehouse> FindWarehouse(Poco::Data::Session& session, const std::string& id_or_code);
/// The warehouse with the lowest id. Throws SimError when none is configured.
Warehouse DefaultWarehouse(Poco::Data::Session& session);

/// Adds `delta` to an article's stock in a warehouse and records an inventory transaction
/// (nothing happens for a zero delta). Call inside a write transaction.
void ChangeStock(Poco::Data::Session& session, int article_system_id, int warehouse_id,
                 wms::Decimal delta, const std::string& comment);

/// Records a webhook event (sim_store_webhooks.cpp) when a webhook base URL is configured: takes
/// the next event id, applies the injected webhook faults and stores the body. Call inside the
/// write transaction of the change it reports, so that the event exists exactly when the change
/// does. facts.event_id and facts.timestamp are filled here.
void RecordWebhook(Poco::Data::Session& session, WebhookFacts facts);

/// Resolves a warehouse command line key to a line index: the line whose external line code is
/// `key`, else the first line with that article number; nullopt if none.
template <class Line>
std::optional<std::size_t> FindLineByKey(const std::vector<Line>& lines, const std::string& key) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].external_line_code.empty() && lines[i].external_line_code == key) {
      return i;
    }
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].article_number == key) {
      return i;
    }
  }
  return std::nullopt;
}

/// A quantity or measure as the simulator takes it: plain decimal text within the limits the
/// simulator has always kept (at most 6 non-zero fraction digits, a whole part of at most
/// 9e12), else nullopt. Never throws.
std::optional<wms::Decimal> ParseSimDecimal(std::string_view text);

/// Parses a quantity given to a warehouse command (as ParseSimDecimal); throws SimError naming
/// `what` if bad.
wms::Decimal ParseQuantity(const std::string& text, const std::string& what);

}  // namespace wmsbridge::sim::detail
