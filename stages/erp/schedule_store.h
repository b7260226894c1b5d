#pragma once
// The slots run-due has claimed, per connection and job (wms_job_schedule, issue 13): a slot is
// claimed by exactly one runner, however many call run-due at once, on any host.

#include <optional>
#include <string>

#include "stages/erp/erp_database.h"

namespace wmsbridge::erp {

class ScheduleStore {
 public:
  explicit ScheduleStore(ErpDatabase& db) : db_(db) {}

  /// The latest claimed slot (UTC text), or nullopt when the job never ran by schedule. Throws
  /// Poco::Data::DataException.
  std::optional<std::string> LastDue(const std::string& connection_name, const std::string& job);
  /// Claims slot `due` (UTC text) for `claimant`; true when this call claimed it, false when it
  /// (or a later slot) was claimed already. Throws Poco::Data::DataException.
  bool Claim(const std::string& connection_name, const std::string& job, const std::string& due,
             const std::string& claimant);
  /// Gives back slot `due` claimed by `claimant` (nothing when another runner claimed since):
  /// the job's slot becomes `previous` again (nullopt: as if never run), so the next look runs
  /// it. For a run that could not start because another runner held the job's lease. Throws
  /// Poco::Data::DataException.
  void Release(const std::string& connection_name, const std::string& job, const std::string& due,
               const std::string& claimant, const std::optional<std::string>& previous);

 private:
  ErpDatabase& db_;
};

}  // namespace wmsbridge::erp
