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
    // With webhooks on (R34) the read-back's scheduled read is the safety net for a webhook
    // lost for good: every two hours by default instead of every 15/30 minutes.
    if (connection.webhooks && job.webhook_schedule) {
      with(job, job.name, false, *job.webhook_schedule);
      continue;
    }
    with(job, job.name, false, job.schedule);
    if (job.full_schedule)
      with(job, job.name + "-full", true, *job.full_schedule);
  }
  return out;
}

}  // namespace wmsbridge::jobs
