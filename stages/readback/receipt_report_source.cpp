#include "stages/readback/receipt_report_source.h"

#include "stages/common/erp_number.h"
#include "stages/readback/scales.h"

namespace wmsbridge::readback {

std::optional<pipeline::Batch<ReceiptReport>> ReceiptReportSource::Next(std::size_t max_rows) {
  auto page = in_orders_.Next(max_rows);
  if (!page)
    return std::nullopt;
  pipeline::Batch<ReceiptReport> reports;
  reports.rows.reserve(page->rows.size());
  for (wms::ReceivedInOrder& in_order : page->rows) {
    std::optional<ErpReceipt> erp = Load(in_order);
    reports.rows.push_back({std::move(in_order), std::move(erp)});
  }
  return reports;
}

std::optional<ErpReceipt> ReceiptReportSource::Load(const wms::ReceivedInOrder& in_order) {
  auto order = store_.FindSent(in_order.in_order_id);
  if (!order)
    return std::nullopt;
  ErpReceipt erp{*order, {}};
  // A number the ERP holds that is not one counts as 0, as it always did.
  for (const erp::ReceiptLineRow& row : store_.Lines(*order)) {
    erp.lines.push_back({row.line_no, row.article_no, row.article_type,
                         stages::ReadErpScaled(row.quantity, kQuantityScale).value_or(0),
                         stages::ReadErpScaled(row.received_qty, kQuantityScale).value_or(0)});
  }
  return erp;
}

}  // namespace wmsbridge::readback
