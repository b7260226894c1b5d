#pragma once
// What every job run opens and closes the same way: the ERP session, the job lock (R27), the
// wms_run row, the WMS client, the run's logger, progress and RunContext; and at the end the
// run's totals and (after a completed run) the watermark. One object per run.

#include <Poco/Logger.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"
#include "pipeline/progress.h"
#include "pipeline/run_context.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/job_lock.h"
#include "stages/erp/run_store.h"
#include "stages/erp/sync_state_store.h"
#include "stages/ongoing/soap_wms_client.h"

namespace wmsbridge::jobs {

class JobEnvironment {
 public:
  /// Opens the run and checks the WMS logon before any other call. Throws
  /// erp::JobAlreadyRunning, Poco::Exception when the ERP database fails, or wms::WmsError when
  /// the logon is refused (kLogon, after exactly one call, with what to check) or the WMS stays
  /// unavailable (after the run's retries); the run row is then ABORTED with the reason. A dry
  /// run takes no lock and writes no run row.
  JobEnvironment(const ConnectionConfig& connection, const JobOptions& options, std::string job,
                 Poco::Logger& logger);

  erp::ErpDatabase& db() { return db_; }
  erp::SyncStateStore& sync() { return sync_; }
  wms::WmsClient& client() { return client_; }
  pipeline::RunContext& context() { return *context_; }
  std::int64_t run_id() const { return run_id_; }
  const ConnectionConfig& connection() const { return connection_; }
  const JobOptions& options() const { return options_; }
  /// The watermark of the last completed run, for incremental extraction.
  std::optional<std::string> Watermark() { return sync_.Watermark(job_); }

  /// Closes the run: writes totals and, after a completed run, moves the watermark to
  /// `max_updated_at` (less an overlap). Throws Poco::Exception when the ERP database fails.
  JobResult Finish(pipeline::RunStatus status, std::optional<wms::WmsErrorKind> wms_error,
                   const std::string& max_updated_at);
  /// Marks the run ABORTED after an exception (best effort; never throws).
  void Fail(const std::exception& error) noexcept;

 private:
  void VerifyLogon();

  const ConnectionConfig& connection_;
  const JobOptions& options_;
  std::string job_;
  erp::ErpDatabase db_;
  std::optional<erp::JobLock> lock_;
  erp::RunStore runs_;
  erp::SyncStateStore sync_;
  std::int64_t run_id_ = 0;
  ongoing::SoapWmsClient client_;
  std::optional<pipeline::Progress> progress_;
  std::unique_ptr<pipeline::RunContext> context_;
};

}  // namespace wmsbridge::jobs
