#pragma once
// A job of a connection runs at most once at a time (R27), also across hosts sharing one ERP
// database: the lock is a lease, a row in wms_job_lock with an expiry. Its holder renews it while
// the run lives (LeaseRenewer); a lease that has expired, or one left by a dead process of this
// host, is taken over by the next runner, which then closes the dead runs of that job
// (RUNNING rows) as ABORTED with their counts from their per-record rows. A live lease refuses
// the run. docs/job-runner.md.

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "stages/erp/erp_database.h"

namespace wmsbridge::erp {

class JobAlreadyRunning : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How long a lease lasts without renewal, and how often its holder renews it.
struct LeaseTiming {
  std::chrono::seconds duration{300};
  std::chrono::seconds renew_every{60};
};

/// The lease's identity in wms_job_lock: who took it, when.
struct LeaseHolder {
  std::string connection_name, job, host;
  int pid = 0;
  std::string locked_at;
};

class JobLock {
 public:
  /// Takes the lease (taking over an expired or dead one, and closing that job's dead runs) or
  /// throws JobAlreadyRunning naming the holder (host, pid, since, until). Throws
  /// Poco::Data::DataException when the ERP database fails.
  JobLock(ErpDatabase& db, std::string connection_name, std::string job, LeaseTiming timing = {});
  /// Releases the lease (errors are swallowed: the lease expires and is taken over).
  ~JobLock();
  JobLock(const JobLock&) = delete;
  JobLock& operator=(const JobLock&) = delete;

  /// Ties the lease to the run it protects (wms_job_lock.run_id). Throws
  /// Poco::Data::DataException.
  void SetRun(std::int64_t run_id);
  const LeaseHolder& holder() const { return holder_; }
  const LeaseTiming& timing() const { return timing_; }
  /// How many dead runs of the job were closed when the lease was taken.
  std::size_t closed_dead_runs() const { return closed_dead_runs_; }

 private:
  ErpDatabase& db_;
  LeaseHolder holder_;
  LeaseTiming timing_;
  std::size_t closed_dead_runs_ = 0;
};

/// Extends `holder`'s lease to `duration` from now, on `db` (any session on the database: the
/// renewing thread has its own). Returns false when the lease is no longer `holder`'s (it
/// expired and another runner took it over, or it was deleted). Throws
/// Poco::Data::DataException when the ERP database fails.
bool RenewLease(ErpDatabase& db, const LeaseHolder& holder, std::chrono::seconds duration);

/// UTC text ("YYYY-MM-DD HH:MM:SS") `offset` from now. Does not throw but std::bad_alloc.
std::string UtcTextIn(std::chrono::seconds offset);

}  // namespace wmsbridge::erp
