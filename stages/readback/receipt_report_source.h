#pragma once
// Ongoing's in-orders, page by page (a WmsPageSource), each with the ERP's view of the
// purchase order it belongs to: the one this connection sent under Ongoing's InOrderId, and
// its lines. Read with the page, before any in-order of the page is applied (safe for the
// reasons given in delivery_report_source.h).

#include <optional>
#include <string>

#include "pipeline/stage.h"
#include "stages/erp/receipt_store.h"
#include "stages/readback/receipt_report.h"

namespace wmsbridge::readback {

class ReceiptReportSource final : public pipeline::Source<ReceiptReport> {
 public:
  /// `in_orders` (Ongoing's pages) and `db` must outlive the source.
  ReceiptReportSource(pipeline::Source<wms::ReceivedInOrder>& in_orders, erp::ErpDatabase& db,
                      std::string connection_name)
      : in_orders_(in_orders), store_(db, std::move(connection_name)) {}

  /// The next page with the ERP's view of each in-order. Throws wms::WmsError when the WMS
  /// fails, Poco::Data::DataException when the ERP database does.
  std::optional<pipeline::Batch<ReceiptReport>> Next(std::size_t max_rows) override;

 private:
  std::optional<ErpReceipt> Load(const wms::ReceivedInOrder& in_order);

  pipeline::Source<wms::ReceivedInOrder>& in_orders_;
  erp::ReceiptStore store_;
};

}  // namespace wmsbridge::readback
