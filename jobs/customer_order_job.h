#pragma once
// The customer-order export job (R3-R6, R10-R17, R19b) for one connection, and the manual
// "send / update order at 3PL" (R14): `wmsbridge send customer-order NO` or a row in
// wms_send_request.

#include <Poco/Logger.h>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"

namespace wmsbridge::jobs {

inline constexpr const char* kCustomerOrderJob = "customer_orders";

/// Runs the job once. With automatic export on (export.customer_orders) it sends every new,
/// changed, cancelled or deleted order, and the pending send requests; with it off, only the
/// pending send requests; with options.only_doc_no, only that order. Marks the send requests it
/// processed with their outcome. Throws erp::JobAlreadyRunning, wms::WmsError when the
/// transporter list cannot be read, Poco::Exception when the ERP database fails.
JobResult RunCustomerOrderJob(const ConnectionConfig& connection, const JobOptions& options,
                              Poco::Logger& logger);

}  // namespace wmsbridge::jobs
