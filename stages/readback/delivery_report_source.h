#pragma once
// Ongoing's shipped orders, page by page (a WmsPageSource), each with the ERP's view of the
// document it belongs to: the document this connection sent under Ongoing's OrderId, its
// lines, the parcels already on it and what earlier invoices hold. The view is read with the
// page, before any order of the page is applied. That is safe: each order of a page has its
// own Ongoing id and so its own document, and the job lock keeps other read-backs of the
// connection out. What depends on the run's earlier writes (the next invoice id, the next
// parcel number) is read by the sink inside its transaction.

#include <optional>
#include <string>

#include "pipeline/stage.h"
#include "stages/erp/delivery_store.h"
#include "stages/readback/delivery_report.h"

namespace wmsbridge::readback {

struct DeliverySourceSettings {
  std::string connection_name;
  bool invoice_at_delivery = false;  // read what was invoiced only when invoicing (R19)
};

class DeliveryReportSource final : public pipeline::Source<DeliveryReport> {
 public:
  /// `orders` (Ongoing's pages) and `db` must outlive the source.
  DeliveryReportSource(pipeline::Source<wms::ShippedOrder>& orders, erp::ErpDatabase& db,
                       DeliverySourceSettings settings)
      : orders_(orders),
        store_(db, settings.connection_name),
        invoice_at_delivery_(settings.invoice_at_delivery) {}

  /// The next page with the ERP's view of each order. Throws wms::WmsError when the WMS fails,
  /// Poco::Data::DataException when the ERP database does.
  std::optional<pipeline::Batch<DeliveryReport>> Next(std::size_t max_rows) override;

 private:
  std::optional<ErpDelivery> Load(const wms::ShippedOrder& order);

  pipeline::Source<wms::ShippedOrder>& orders_;
  erp::DeliveryStore store_;
  bool invoice_at_delivery_;
};

}  // namespace wmsbridge::readback
