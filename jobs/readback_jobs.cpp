#include "jobs/readback_jobs.h"
#include "pipeline/clock.h"

#include <algorithm>

#include "jobs/job_environment.h"
#include "stages/readback/delivery_report_source.h"
#include "stages/readback/delivery_sink.h"
#include "stages/readback/delivery_transform.h"
#include "stages/readback/receipt_report_source.h"
#include "stages/readback/receipt_sink.h"
#include "stages/readback/receipt_transform.h"
#include "stages/readback/wms_page_source.h"

namespace wmsbridge::jobs {
namespace {

// The watermark of a read-back is our own clock at the start of the run, in UTC; the next run
// reads from it less the overlap (JobEnvironment::Finish subtracts 10 minutes; the query
// subtracts 50 more, for clock differences between us and Ongoing).

std::optional<std::string> ReadFrom(JobEnvironment& env, const JobOptions& options) {
  // A reload (R28) reads from its date on (everything without one); applying a report is
  // absolute, so what was applied before is not applied twice.
  if (options.reload_from)
    return options.reload_from->empty() ? std::nullopt : options.reload_from;
  if (options.full)
    return std::nullopt;
  auto mark = env.Watermark();
  if (!mark)
    return std::nullopt;
  return NextWatermark(*mark, std::chrono::minutes(50));
}

// Runs source -> decision -> sink; the watermark is the clock at the run's start.
template <typename Report, typename Decision>
JobResult RunReadBack(JobEnvironment& env, pipeline::Source<Report>& source,
                      pipeline::Transform<Report, Decision>& decide, pipeline::Sink<Decision>& sink,
                      const std::string& started_at) {
  return env.Run(source, decide, sink, [&] { return started_at; });
}

}  // namespace

JobResult RunDeliveryJob(const ConnectionConfig& connection, const JobOptions& options,
                         Poco::Logger& logger) {
  const std::string started_at = pipeline::UtcNowText();
  JobEnvironment env(connection, options, kDeliveryJob, logger);
  const auto [low, high] =
      std::minmax_element(connection.shipped_statuses.begin(), connection.shipped_statuses.end());
  wms::OrderQuery query;
  query.status_from = *low;
  query.status_to = *high;
  query.last_updated_from = ReadFrom(env, options);
  readback::WmsPageSource<wms::ShippedOrder> orders(
      [&](std::optional<int> after, int max) {
        wms::OrderQuery page = query;
        page.order_id_from = after;
        page.max_count = max;
        return env.client().GetOrders(page);
      },
      [](const wms::ShippedOrder& o) { return o.order_id; }, connection.wms_page_size);
  readback::DeliveryReportSource source(orders, env.db(),
                                        {connection.name, connection.invoice_at_delivery});
  readback::DeliveryTransform decide(
      {{connection.shipped_statuses.begin(), connection.shipped_statuses.end()},
       connection.invoice_at_delivery,
       connection.wms_time_zone,
       connection.erp_time_zone});
  readback::DeliverySink sink(
      env.db(), {connection.name, options.dry_run, connection.erp_time_zone}, env.run_id());
  return RunReadBack(env, source, decide, sink, started_at);
}

JobResult RunReceiptJob(const ConnectionConfig& connection, const JobOptions& options,
                        Poco::Logger& logger) {
  const std::string started_at = pipeline::UtcNowText();
  JobEnvironment env(connection, options, kReceiptJob, logger);
  wms::InOrderQuery query;
  query.last_updated_from = ReadFrom(env, options);
  readback::WmsPageSource<wms::ReceivedInOrder> in_orders(
      [&](std::optional<int> after, int max) {
        wms::InOrderQuery page = query;
        page.in_order_id_from = after;
        page.max_count = max;
        return env.client().GetInOrders(page);
      },
      [](const wms::ReceivedInOrder& o) { return o.in_order_id; }, connection.wms_page_size);
  readback::ReceiptReportSource source(in_orders, env.db(), connection.name);
  readback::ReceiptTransform decide;
  readback::ReceiptSink sink(env.db(), {connection.name, options.dry_run}, env.run_id());
  return RunReadBack(env, source, decide, sink, started_at);
}

}  // namespace wmsbridge::jobs
