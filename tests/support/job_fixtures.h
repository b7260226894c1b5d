#pragma once
// What the job suites (tests/jobs/, the benchmarks) share, so that a change of the job
// interface or of the reference ERP data is made once: the connection and options of a test
// run, the installation file the command line reads, and the reference rows most suites seed.

#include <Poco/Logger.h>

#include <map>
#include <string>

#include "jobs/connection_config.h"
#include "jobs/job_options.h"
#include "tests/support/erp_backend.h"
#include "tests/support/sim_process.h"

namespace wmsbridge::test {

/// Ongoing's refusals are worded in two ways by the simulator; an outcome must not depend on it.
inline constexpr sim::Wording kWordings[] = {sim::Wording::kStandard, sim::Wording::kAlternative};

/// Connection "demo" between `db` and `sim` with the right credentials, start date 2026-11-01,
/// time-outs of 2 s (connect) and 5 s (receive). A suite sets its warehouses, export switches
/// and batch size.
jobs::ConnectionConfig BaseConnection(const ErpBackend& db, const SimProcess& sim);

/// Options of a test run: the repository's sql/, no progress output, two attempts 10 ms apart.
jobs::JobOptions BaseJobOptions();

/// The logger test runs write to.
Poco::Logger& TestLog();

/// `column` of a document's row in the wms_document_status view ("" when there is none).
std::string DocumentField(const ErpBackend& db, const std::string& doc_type,
                          const std::string& doc_no, const std::string& column);

/// Whether `text`, a number as the database prints it, is `expected` (false for "").
bool SameQuantity(const std::string& text, double expected);

/// Stock articles A-1 (Kaffekopp) and A-2 (Tekanna) and the freight article FRAKT (type
/// SERVICE), all active and updated 2026-11-20 10:00.
void AddStockAndFreightArticles(const ErpBackend& db);

/// Purchase order PO-1 from supplier S-1 to warehouse 1 (delivery 2026-12-02): line 1 =
/// 10 x A-1, line 2 = 5 x A-2.
void AddPurchaseOrderPo1(const ErpBackend& db);

/// The installation file of the command line: [wmsbridge] sql_dir and a [connection.demo]
/// that reaches `db` and `sim` (warehouse MAIN, start date 2026-11-01, time-outs 2 s / 5 s),
/// its password in DIR/wms.password (0600). A test adds or changes keys, then writes it.
class InstallationFile {
 public:
  InstallationFile(const ErpBackend& db, const SimProcess& sim, std::string dir,
                   const std::string& password = kPassword);
  /// Sets a key of [wmsbridge].
  InstallationFile& General(const std::string& key, const std::string& value);
  /// Sets a key of [connection.demo].
  InstallationFile& Connection(const std::string& key, const std::string& value);
  /// Adds [connection.NAME]: a copy of [connection.demo] as it is now, with `changes` applied.
  InstallationFile& AddConnection(const std::string& name,
                                  const std::map<std::string, std::string>& changes);
  /// Writes DIR/wmsbridge.ini and returns its path. Throws std::runtime_error on failure.
  std::string Write() const;
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  std::map<std::string, std::string> general_;
  std::map<std::string, std::string> connection_;
  std::map<std::string, std::map<std::string, std::string>> others_;
};

}  // namespace wmsbridge::test
