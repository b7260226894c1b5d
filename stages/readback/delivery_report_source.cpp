#include "stages/readback/delivery_report_source.h"

#include "stages/common/erp_number.h"
#include "stages/readback/scales.h"

namespace wmsbridge::readback {

std::optional<pipeline::Batch<DeliveryReport>> DeliveryReportSource::Next(std::size_t max_rows) {
  auto page = orders_.Next(max_rows);
  if (!page)
    return std::nullopt;
  pipeline::Batch<DeliveryReport> reports;
  reports.rows.reserve(page->rows.size());
  for (wms::ShippedOrder& order : page->rows) {
    std::optional<ErpDelivery> erp = Load(order);
    reports.rows.push_back({std::move(order), std::move(erp)});
  }
  return reports;
}

std::optional<ErpDelivery> DeliveryReportSource::Load(const wms::ShippedOrder& order) {
  auto document = store_.FindSent(order.order_id);
  if (!document)
    return std::nullopt;
  ErpDelivery erp{*document, "", {}, {}, {}, ""};
  // A number the ERP holds that is not one counts as 0, as it always did.
  for (const erp::DeliveryLineRow& row : store_.Lines(*document)) {
    erp.lines.push_back({row.line_no, row.article_no, row.article_type, row.description,
                         stages::ReadErpScaled(row.quantity, kQuantityScale).value_or(0),
                         stages::ReadErpScaled(row.delivered_qty, kQuantityScale).value_or(0),
                         stages::ReadErpScaled(row.unit_price, kMoneyScale).value_or(0)});
    erp.payment_method = row.payment_method;
    erp.status = row.status;
  }
  if (erp.IsCustomerOrder()) {
    erp.tracking_numbers = store_.TrackingNumbers(document->erp_id);
    if (invoice_at_delivery_) {
      for (const erp::InvoicedQuantityRow& row : store_.InvoicedQuantities(document->erp_id))
        erp.invoiced[row.line_no] = stages::ReadErpScaled(row.quantity, kQuantityScale).value_or(0);
    }
  }
  return erp;
}

}  // namespace wmsbridge::readback
