#pragma once
// What the stock job does with one article in one warehouse (R25, docs/stock-job.md): a pure
// decision, unit-tested without a database or a WMS. Ongoing is master of stock: a difference
// sets the ERP's stock_balance to Ongoing's figure unless the run is report-only or the
// difference is above the threshold (then a person decides).

#include <optional>
#include <string>
#include <string_view>

#include "stages/erp/stock_store.h"
#include "stages/wms/decimal.h"

namespace wmsbridge::stock {

enum class StockAction {
  kEqual,       // both sides agree
  kAdjusted,    // stock_balance set to Ongoing's figure
  kFlagged,     // above the threshold: left for a person
  kReportOnly,  // a difference, not adjusted because the run is report-only
  kOnlyInErp,   // Ongoing does not know the article: never exported? left for a person
  kOnlyInWms,   // the ERP does not know the article: left for a person
};

/// Stable lower-case name, stored in wms_stock_report.action ("equal", "adjusted", "flagged",
/// "report_only", "only_in_erp", "only_in_wms"). Never throws.
std::string_view ToString(StockAction action);
/// The words the CSV and HTML reports show ("equal", "adjusted", "flagged", "report only",
/// "only in ERP", "only in WMS"). Never throws.
std::string_view Label(StockAction action);
/// The action of a stored name; nullopt for any other text. Never throws.
std::optional<StockAction> StockActionNamed(std::string_view name);

struct StockSettings {
  bool report_only = false;
  /// Flag instead of adjusting when |difference| is above this many units.
  std::optional<wms::Decimal> threshold_units;
  /// Flag instead of adjusting when |difference| is above this percentage of the ERP's
  /// quantity (any difference from an ERP quantity of 0 is above it).
  std::optional<wms::Decimal> threshold_percent;
};

struct StockDecision {
  erp::StockComparisonRow row;
  StockAction action = StockAction::kEqual;
  bool apply = false;        // write stock_balance (and the journal)
  std::string erp_quantity;  // canonical; "" when the ERP has no row
  std::string wms_quantity;  // canonical; "" when Ongoing does not know the article
  std::string difference;    // Ongoing's figure less the ERP's (a missing side counts 0)
  std::string abs_difference;
  std::string reason;  // why it was flagged or left alone
};

/// False when there is nothing to compare: the ERP has no stock row and Ongoing has none of
/// the article here (or does not know it). Such rows are left out of the report. Never throws.
bool HasStock(const erp::StockComparisonRow& row);

/// Decides one row. Never throws for data: a quantity that is not a decimal is flagged with the
/// reason. Throws std::bad_alloc only.
StockDecision DecideStock(const erp::StockComparisonRow& row, const StockSettings& settings);

}  // namespace wmsbridge::stock
