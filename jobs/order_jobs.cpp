#include "jobs/order_jobs.h"

#include "jobs/order_document_job.h"
#include "stages/customer_orders/order_kind.h"
#include "stages/customer_orders/order_source.h"
#include "stages/customer_orders/order_transform.h"
#include "stages/internal_orders/internal_order_source.h"
#include "stages/internal_orders/internal_order_transform.h"
#include "stages/purchase_orders/purchase_order_source.h"
#include "stages/purchase_orders/purchase_order_transform.h"

namespace wmsbridge::jobs {

JobResult RunCustomerOrderJob(const ConnectionConfig& connection, const JobOptions& options,
                              Poco::Logger& logger) {
  OrderDocumentRun run(kCustomerOrderJob, customer_orders::CustomerOrderKind(),
                       &ConnectionConfig::export_customer_orders, connection, options, logger);
  if (run.NothingToDo())
    return run.FinishEmpty();
  customer_orders::OrderRunState state;
  state.currencies = {connection.currencies.begin(), connection.currencies.end()};
  state.warehouses = documents::WarehouseCodes(connection.wms_warehouse_codes);
  state.sms_notification = connection.sms_notification;
  state.start_date = connection.start_date;
  customer_orders::OrderSource source(run.store(), run.Settings(), state.transporters,
                                      run.env().client());
  customer_orders::OrderTransform transform(state);
  return run.Run(source, transform);
}

JobResult RunPurchaseOrderJob(const ConnectionConfig& connection, const JobOptions& options,
                              Poco::Logger& logger) {
  OrderDocumentRun run(kPurchaseOrderJob, purchase_orders::PurchaseOrderKind(),
                       &ConnectionConfig::export_purchase_orders, connection, options, logger);
  if (run.NothingToDo())
    return run.FinishEmpty();
  purchase_orders::PurchaseOrderSource source(run.store(), run.Settings());
  purchase_orders::PurchaseOrderTransform transform(
      documents::WarehouseCodes(connection.wms_warehouse_codes), connection.start_date);
  return run.Run(source, transform);
}

JobResult RunInternalOrderJob(const ConnectionConfig& connection, const JobOptions& options,
                              Poco::Logger& logger) {
  OrderDocumentRun run(kInternalOrderJob, internal_orders::InternalOrderKind(), nullptr, connection,
                       options, logger);
  if (run.NothingToDo())
    return run.FinishEmpty();
  internal_orders::InternalOrderSource source(run.store(), run.Settings());
  internal_orders::InternalOrderTransform transform(
      documents::WarehouseCodes(connection.wms_warehouse_codes));
  return run.Run(source, transform);
}

}  // namespace wmsbridge::jobs
