#pragma once
// Streams the customer orders to consider (documents/document_source.h: deleted ones first,
// then keyset pages of the connected warehouses from the start date on, with their lines;
// sql/queries/extract_customer_orders.sql and extract_customer_order_lines.sql). When a page
// holds an order with a delivery method, Ongoing's transporter services are read (once per run)
// for the transform to check them.

#include "stages/customer_orders/transporter_services.h"
#include "stages/documents/document_source.h"
#include "stages/erp/customer_order_row.h"
#include "stages/wms/wms_client.h"

namespace wmsbridge::customer_orders {

class OrderSource final : public documents::PagedDocumentSource<erp::CustomerOrderRow> {
 public:
  /// `transporters` is filled from `client` when first needed; both must outlive the source.
  OrderSource(erp::DocumentStore& store, documents::DocumentSourceSettings settings,
              TransporterServices& transporters, wms::WmsClient& client)
      : PagedDocumentSource(store, std::move(settings), "extract_vanished_customer_orders",
                            "select_same_number_customer_orders", "count_customer_orders"),
        transporters_(transporters),
        client_(client) {}

 protected:
  /// Throws Poco::Data::DataException, and wms::WmsError when the transporters are unreadable.
  std::vector<erp::CustomerOrderRow> ReadPage(const erp::ExtractPage& page) override;

 private:
  TransporterServices& transporters_;
  wms::WmsClient& client_;
};

/// True when the transform will check the order's delivery method against Ongoing's services.
bool NeedsTransporters(const erp::CustomerOrderRow& order);

}  // namespace wmsbridge::customer_orders
