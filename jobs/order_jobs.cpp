#include "jobs/order_jobs.h"

#include "jobs/order_document_job.h"
#include "stages/customer_orders/order_source.h"
#include "stages/customer_orders/order_transform.h"
#include "stages/internal_orders/internal_order_source.h"
#include "stages/internal_orders/internal_order_transform.h"
#include "stages/purchase_orders/purchase_order_source.h"
#include "stages/purchase_orders/purchase_order_transform.h"

namespace wmsbridge::jobs {

using customer_orders::OrderRunState;
using customer_orders::OrderSourceSettings;

JobResult RunCustomerOrderJob(const ConnectionConfig& connection, const JobOptions& options,
                              Poco::Logger& logger) {
  const OrderDocumentJob spec{kCustomerOrderJob, customer_orders::DocumentKind{},
                              &ConnectionConfig::export_customer_orders,
                              [](erp::ErpDatabase& db, const OrderSourceSettings& s) {
                                return std::make_unique<customer_orders::OrderSource>(db, s);
                              },
                              [](OrderRunState& state) {
                                return std::make_unique<customer_orders::OrderTransform>(state);
                              }};
  return RunOrderDocumentJob(spec, connection, options, logger);
}

JobResult RunPurchaseOrderJob(const ConnectionConfig& connection, const JobOptions& options,
                              Poco::Logger& logger) {
  const OrderDocumentJob spec{
      kPurchaseOrderJob, purchase_orders::PurchaseOrderKind(),
      &ConnectionConfig::export_purchase_orders,
      [](erp::ErpDatabase& db, const OrderSourceSettings& s) {
        return std::make_unique<purchase_orders::PurchaseOrderSource>(db, s);
      },
      [](OrderRunState&) { return std::make_unique<purchase_orders::PurchaseOrderTransform>(); }};
  return RunOrderDocumentJob(spec, connection, options, logger);
}

JobResult RunInternalOrderJob(const ConnectionConfig& connection, const JobOptions& options,
                              Poco::Logger& logger) {
  const OrderDocumentJob spec{
      kInternalOrderJob, internal_orders::InternalOrderKind(), nullptr,
      [](erp::ErpDatabase& db, const OrderSourceSettings& s) {
        return std::make_unique<internal_orders::InternalOrderSource>(db, s);
      },
      [](OrderRunState&) { return std::make_unique<internal_orders::InternalOrderTransform>(); }};
  return RunOrderDocumentJob(spec, connection, options, logger);
}

}  // namespace wmsbridge::jobs
