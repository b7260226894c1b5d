#pragma once
// One job shape for the order-like documents (customer orders R12-R17, purchase orders R20-R21,
// internal orders R23-R24): send requests, automatic switch, Ongoing's transporter services read
// once per run, the shared sink, and the outcome of each send request written back (R14, R29).

#include <Poco/Logger.h>

#include <functional>
#include <memory>
#include <string>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"
#include "stages/customer_orders/order_source.h"
#include "stages/customer_orders/order_transform.h"

namespace wmsbridge::jobs {

struct OrderDocumentJob {
  std::string job;                              // wms_run.job
  customer_orders::DocumentKind kind;           // doc_type, and names in messages
  bool ConnectionConfig::*automatic = nullptr;  // the switch (R2); nullptr: manual only (R23)
  std::function<std::unique_ptr<customer_orders::DocumentSource>(
      erp::ErpDatabase&, const customer_orders::OrderSourceSettings&)>
      make_source;
  std::function<
      std::unique_ptr<pipeline::Transform<customer_orders::ErpOrder, customer_orders::OrderWork>>(
          customer_orders::OrderRunState&)>
      make_transform;
};

/// Runs one such job once: with its automatic switch on, every new, changed, cancelled or
/// deleted document and the pending send requests; off (or manual only), the pending send
/// requests and the removal of deleted documents; with options.only_doc_no, that document
/// only. Throws erp::JobAlreadyRunning, wms::WmsError (transporters unreadable),
/// Poco::Exception (ERP database).
JobResult RunOrderDocumentJob(const OrderDocumentJob& spec, const ConnectionConfig& connection,
                              const JobOptions& options, Poco::Logger& logger);

}  // namespace wmsbridge::jobs
