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
#include "stages/readback/report_back_marker.h"
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

// Report-back mode (docs/readback.md): the read asks only for documents with lines still to
// report and needs no time; the marks are set once the ERP holds each document.
bool ReportBack(const ConnectionConfig& connection) {
  return connection.readback_mode == ReadbackMode::kReportBack;
}

// A reload or full read (R28) reads by time in either mode: it is asked for to read again
// what was taken before, which report-back would no longer list.
// A webhook run (R34) reads the documents it names by id, whatever the mode: report-back
// marks are still set after applying (ReportBack), so the scheduled read skips them.
bool OnlyToReport(const ConnectionConfig& connection, const JobOptions& options) {
  return ReportBack(connection) && !options.full && !options.reload_from &&
         options.only_wms_ids.empty();
}

// Reads by time unless the run reads by id or by report-back marks.
bool ByTime(const JobOptions& options, bool only_to_report) {
  return !only_to_report && options.only_wms_ids.empty();
}

// Logs how many documents were marked, or failed to be, in Ongoing (report-back mode).
void LogMarks(const readback::ReportBackMarker& marker, Poco::Logger& logger) {
  if (marker.failed() > 0) {
    logger.warning("report-back: %d document(s) marked in Ongoing, %d not (read again next run)",
                   marker.marked(), marker.failed());
  } else if (marker.marked() > 0) {
    logger.information("report-back: %d document(s) marked in Ongoing", marker.marked());
  }
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
  query.only_to_report = OnlyToReport(connection, options);
  query.order_ids = options.only_wms_ids;
  if (ByTime(options, query.only_to_report))
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
  readback::ReportBackMarker marker(env.client(), readback::ReportBackKind::kOrders);
  readback::DeliverySink sink(env.db(),
                              {connection.name, options.dry_run, connection.erp_time_zone,
                               ReportBack(connection) ? &marker : nullptr},
                              env.run_id());
  JobResult result = RunReadBack(env, source, decide, sink, started_at);
  LogMarks(marker, logger);
  return result;
}

JobResult RunReceiptJob(const ConnectionConfig& connection, const JobOptions& options,
                        Poco::Logger& logger) {
  const std::string started_at = pipeline::UtcNowText();
  JobEnvironment env(connection, options, kReceiptJob, logger);
  wms::InOrderQuery query;
  query.only_to_report = OnlyToReport(connection, options);
  query.in_order_ids = options.only_wms_ids;
  if (ByTime(options, query.only_to_report))
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
  readback::ReportBackMarker marker(env.client(), readback::ReportBackKind::kInOrders);
  readback::ReceiptSink sink(
      env.db(), {connection.name, options.dry_run, ReportBack(connection) ? &marker : nullptr},
      env.run_id());
  JobResult result = RunReadBack(env, source, decide, sink, started_at);
  LogMarks(marker, logger);
  return result;
}

}  // namespace wmsbridge::jobs
