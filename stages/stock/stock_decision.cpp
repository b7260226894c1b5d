#include "stages/stock/stock_decision.h"

#include <algorithm>
#include <array>
#include <utility>

namespace wmsbridge::stock {
namespace {

using wms::Decimal;

constexpr std::array<std::pair<StockAction, std::pair<std::string_view, std::string_view>>, 6>
    kNames{{{StockAction::kEqual, {"equal", "equal"}},
            {StockAction::kAdjusted, {"adjusted", "adjusted"}},
            {StockAction::kFlagged, {"flagged", "flagged"}},
            {StockAction::kReportOnly, {"report_only", "report only"}},
            {StockAction::kOnlyInErp, {"only_in_erp", "only in ERP"}},
            {StockAction::kOnlyInWms, {"only_in_wms", "only in WMS"}}}};

// Wide enough for units x units (a GCC extension; -Wpedantic accepts it marked so).
__extension__ typedef __int128 Wide;

Decimal Abs(Decimal value) {
  return value.IsNegative() ? Decimal() - value : value;
}

// |difference| > percent % of |base|, exactly: both sides scaled to a common integer.
bool AbovePercent(Decimal difference, Decimal base, Decimal percent) {
  if (base.IsZero())
    return !difference.IsZero();
  const int scale = std::max({difference.Scale(), base.Scale(), percent.Scale()});
  const auto d = Abs(difference).ToUnits(scale);
  const auto b = Abs(base).ToUnits(scale);
  const auto p = percent.ToUnits(scale);
  if (!d || !b || !p)
    return true;  // out of range: let a person look
  // |difference| * 100 > percent * |base|, all three in units of 10^-scale.
  Wide unit = 1;
  for (int i = 0; i < scale; ++i)
    unit *= 10;
  return static_cast<Wide>(*d) * 100 * unit > static_cast<Wide>(*p) * *b;
}

}  // namespace

std::string_view ToString(StockAction action) {
  for (const auto& [a, names] : kNames) {
    if (a == action)
      return names.first;
  }
  return "?";
}

std::string_view Label(StockAction action) {
  for (const auto& [a, names] : kNames) {
    if (a == action)
      return names.second;
  }
  return "?";
}

std::optional<StockAction> StockActionNamed(std::string_view name) {
  for (const auto& [a, names] : kNames) {
    if (names.first == name)
      return a;
  }
  return std::nullopt;
}

bool HasStock(const erp::StockComparisonRow& row) {
  if (row.erp_present)
    return true;
  if (!row.wms_present)
    return false;
  const auto wms = Decimal::Parse(row.wms_quantity);
  return !wms || !wms->IsZero();
}

StockDecision DecideStock(const erp::StockComparisonRow& row, const StockSettings& settings) {
  StockDecision d;
  d.row = row;
  const std::optional<Decimal> erp =
      row.erp_present ? Decimal::Parse(row.erp_quantity.empty() ? "0" : row.erp_quantity)
                      : std::optional<Decimal>(Decimal());
  const std::optional<Decimal> wms =
      row.wms_present ? Decimal::Parse(row.wms_quantity.empty() ? "0" : row.wms_quantity)
                      : std::optional<Decimal>(Decimal());
  d.erp_quantity = row.erp_present && erp ? erp->ToString() : row.erp_quantity;
  d.wms_quantity = row.wms_present && wms ? wms->ToString() : row.wms_quantity;
  if (!erp || !wms) {
    d.action = StockAction::kFlagged;
    d.difference = d.abs_difference = "0";
    d.reason = "a quantity is not a number: ERP '" + row.erp_quantity + "', WMS '" +
               row.wms_quantity + "'";
    return d;
  }
  const Decimal difference = *wms - *erp;
  d.difference = difference.ToString();
  d.abs_difference = Abs(difference).ToString();

  if (!row.wms_present) {
    // Ongoing does not know the article at all: most often it was never exported, so setting
    // the ERP to 0 would hide a master-data problem. A person decides.
    d.action = StockAction::kOnlyInErp;
    d.reason = "the WMS does not know the article";
    return d;
  }
  if (!row.article_known) {
    // Ongoing has stock of an article the ERP does not know: no stock row can be kept for it.
    d.action = StockAction::kOnlyInWms;
    d.reason = "the ERP does not know the article";
    return d;
  }
  if (difference.IsZero()) {
    d.action = StockAction::kEqual;
    return d;
  }
  if (settings.threshold_units && Abs(difference) > *settings.threshold_units) {
    d.action = StockAction::kFlagged;
    d.reason = "difference " + d.difference + " is above the threshold of " +
               settings.threshold_units->ToString() + " units";
    return d;
  }
  if (settings.threshold_percent && AbovePercent(difference, *erp, *settings.threshold_percent)) {
    d.action = StockAction::kFlagged;
    d.reason = "difference " + d.difference + " is above " +
               settings.threshold_percent->ToString() + " % of the ERP's " + erp->ToString();
    return d;
  }
  if (settings.report_only) {
    d.action = StockAction::kReportOnly;
    d.reason = "report-only run";
    return d;
  }
  d.action = StockAction::kAdjusted;
  d.apply = true;
  return d;
}

}  // namespace wmsbridge::stock
