#include "jobs/scheduled_jobs.h"

namespace wmsbridge::jobs {

std::vector<ScheduledJob> ScheduledJobs(const ConnectionConfig& connection) {
  std::vector<ScheduledJob> out;
  const auto with = [&](const JobDefinition& job, const std::string& key, bool full,
                        const Schedule& fallback) {
    const auto own = connection.schedules.find(key);
    out.push_back({&job, key, full, own != connection.schedules.end() ? own->second : fallback});
  };
  for (const JobDefinition& job : JobDefinitions()) {
    with(job, job.name, false, job.schedule);
    if (job.full_schedule)
      with(job, job.name + "-full", true, *job.full_schedule);
  }
  return out;
}

}  // namespace wmsbridge::jobs
