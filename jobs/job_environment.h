#pragma once
// What every job run opens and closes the same way: the ERP session, the job lock (R27), the
// wms_run row, the WMS client, the run's logger, progress and RunContext; and at the end the
// run's totals and (after a completed run) the watermark. One object per run.

#include <Poco/Logger.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"
#include "pipeline/progress.h"
#include "pipeline/run_context.h"
#include "pipeline/runner.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/job_lock.h"
#include "stages/erp/lease_renewer.h"
#include "stages/erp/run_store.h"
#include "stages/erp/sync_state_store.h"
#include "stages/ongoing/soap_wms_client.h"
#include "stages/wms/retrying_wms_client.h"
#include "stages/wms/wms_error.h"

namespace wmsbridge::jobs {

/// A job's check of its configuration against the ERP, run before any work; throws
/// ConfigError naming the key.
using Preflight = std::function<void(erp::ErpDatabase&)>;

/// The WMS client's settings for `connection`: its time-outs, TLS and proxy settings, and the
/// message dump and SOAP trace `job_options` ask for. Never throws.
ongoing::WmsClientOptions ClientOptions(const ConnectionConfig& connection,
                                        const JobOptions& job_options);

class JobEnvironment {
 public:
  /// Opens the ERP session, runs `preflight` (when given) before anything else, then opens the
  /// run and checks the WMS logon before any other call. Throws SchemaNotCurrent when the wms_
  /// tables are missing or not migrated (jobs/erp_readiness.h), ConfigError from the preflight
  /// (no lock, no run row, no WMS call), erp::JobAlreadyRunning, Poco::Exception when the ERP
  /// database fails, or wms::WmsError when the logon is refused (kLogon, after exactly one
  /// call, with what to check) or the WMS stays unavailable (after the run's retries); the run
  /// row is then ABORTED with the reason. A dry run takes no lock and writes no run row.
  JobEnvironment(const ConnectionConfig& connection, const JobOptions& options, std::string job,
                 Poco::Logger& logger, const Preflight& preflight = {});

  erp::ErpDatabase& db() { return db_; }
  erp::SyncStateStore& sync() { return sync_; }
  /// The WMS client of the run: every call is retried by the run's one policy.
  wms::WmsClient& client() { return *client_; }
  pipeline::RunContext& context() { return *context_; }
  std::int64_t run_id() const { return run_id_; }
  const ConnectionConfig& connection() const { return connection_; }
  const JobOptions& options() const { return options_; }
  /// What renders the requests a dry run with --show-xml prints (the run's own SOAP client,
  /// which sends nothing for it); null unless both are asked for. Does not throw.
  wms::RequestRenderer* ShowXml() {
    return options_.dry_run && options_.show_xml ? &soap_client_ : nullptr;
  }
  /// The watermark of the last completed run, for incremental extraction.
  std::optional<std::string> Watermark() { return sync_.Watermark(job_); }

  /// Runs source -> transform -> sink and closes the run (Finish). This is the one place where
  /// a fatal WMS error (unavailable after the retries, logon refused) becomes the run's abort
  /// cause and the result's wms_error, whichever stage met it. `watermark` gives the run's
  /// candidate; Finish moves the watermark to it only after a completed run. Throws what Finish
  /// throws, and rethrows any other exception after marking the run ABORTED (Fail).
  template <typename A, typename B>
  JobResult Run(pipeline::Source<A>& source, pipeline::Transform<A, B>& transform,
                pipeline::Sink<B>& sink, const std::function<std::string()>& watermark) {
    pipeline::RunStatus status = pipeline::RunStatus::kAborted;
    std::optional<wms::WmsErrorKind> wms_error;
    try {
      status = pipeline::RunPipeline(source, transform, sink, *context_,
                                     static_cast<std::size_t>(connection_.batch_size));
    } catch (const wms::WmsError& e) {
      wms_error = e.kind();  // the runner has stored e.what() as the abort reason
    } catch (const std::exception& e) {
      Fail(e);
      throw;
    }
    // Finish alone decides whether the watermark moves (only after a completed run).
    return Finish(status, wms_error, watermark ? watermark() : "");
  }

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
  ongoing::SoapWmsClient soap_client_;
  std::optional<pipeline::Progress> progress_;
  std::unique_ptr<pipeline::RunContext> context_;
  std::optional<wms::RetryingWmsClient> client_;  // around soap_client_, with context_'s policy
  // Last: its thread uses context_, and it stops before the lease (lock_) is released.
  std::optional<erp::LeaseRenewer> renewer_;
};

}  // namespace wmsbridge::jobs
