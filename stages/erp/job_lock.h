#pragma once
// A job of a connection runs at most once at a time (R27), also across hosts sharing one ERP
// database: the lock is a row in wms_job_lock. A lock left by a process that died on this host
// is taken over; one held by a live process (or another host) refuses the run.

#include <stdexcept>
#include <string>

#include "stages/erp/erp_database.h"

namespace wmsbridge::erp {

class JobAlreadyRunning : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class JobLock {
 public:
  /// Takes the lock or throws JobAlreadyRunning naming the holder (host, pid, since).
  JobLock(ErpDatabase& db, std::string connection_name, std::string job);
  /// Releases the lock (errors are swallowed: a stale lock is taken over by the next run).
  ~JobLock();
  JobLock(const JobLock&) = delete;
  JobLock& operator=(const JobLock&) = delete;

 private:
  ErpDatabase& db_;
  std::string connection_name_;
  std::string job_;
  std::string host_;
  int pid_;
};

}  // namespace wmsbridge::erp
