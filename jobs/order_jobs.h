#pragma once
// The order-like export jobs, each an OrderDocumentJob with its own source and transform:
//   customer orders (R3-R6, R10-R17, R19b)  run customer-orders / send customer-order NO
//   purchase orders as in-orders (R20, R21)  run purchase-orders / send purchase-order NO
//   internal orders, manual only (R23, R24)  run internal-orders (requests and removals) /
//                                            send internal-order NO

#include <Poco/Logger.h>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"

namespace wmsbridge::jobs {

inline constexpr const char* kCustomerOrderJob = "customer_orders";
inline constexpr const char* kPurchaseOrderJob = "purchase_orders";
inline constexpr const char* kInternalOrderJob = "internal_orders";

/// Each runs its job once; see RunOrderDocumentJob (jobs/order_document_job.h) for what a run
/// does and what it may throw.
JobResult RunCustomerOrderJob(const ConnectionConfig& connection, const JobOptions& options,
                              Poco::Logger& logger);
JobResult RunPurchaseOrderJob(const ConnectionConfig& connection, const JobOptions& options,
                              Poco::Logger& logger);
JobResult RunInternalOrderJob(const ConnectionConfig& connection, const JobOptions& options,
                              Poco::Logger& logger);

}  // namespace wmsbridge::jobs
