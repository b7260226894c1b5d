#pragma once
// The read-back jobs: what the warehouse did comes back into the ERP.
//   deliveries (R18, R19, R26): shipped orders -> delivered quantities, status, tracking, invoices
//   receipts (R22): received in-orders -> received quantities and status of purchase orders
// Both read Ongoing page by page, only what changed since their last completed run (less an
// hour of overlap for clocks and late updates), and apply each document in its own transaction.

#include <Poco/Logger.h>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"

namespace wmsbridge::jobs {

inline constexpr const char* kDeliveryJob = "deliveries";
inline constexpr const char* kReceiptJob = "receipts";

/// Runs the delivery read-back once. Throws erp::JobAlreadyRunning, Poco::Exception (ERP
/// database); a WMS that cannot be read aborts the run (status kAborted, wms_error set).
JobResult RunDeliveryJob(const ConnectionConfig& connection, const JobOptions& options,
                         Poco::Logger& logger);
/// Runs the receipt read-back once; as RunDeliveryJob.
JobResult RunReceiptJob(const ConnectionConfig& connection, const JobOptions& options,
                        Poco::Logger& logger);

}  // namespace wmsbridge::jobs
