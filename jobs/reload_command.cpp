#include "jobs/reload_command.h"

#include <Poco/DateTime.h>

#include <cstdio>
#include <regex>

#include "jobs/connection_run.h"
#include "jobs/exit_codes.h"

namespace wmsbridge::jobs {

std::optional<std::string> ParseReloadFrom(const std::string& text) {
  static const std::regex form(R"((\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?)");
  std::smatch m;
  if (!std::regex_match(text, m, form))
    return std::nullopt;
  const auto number = [&](int i) { return m[i].matched ? std::stoi(m[i].str()) : 0; };
  const int year = number(1), month = number(2), day = number(3);
  const int hour = number(4), minute = number(5), second = number(6);
  // isValid knows month lengths and leap years: 2026-02-30 is no date.
  if (year < 1900 || !Poco::DateTime::isValid(year, month, day, hour, minute, second))
    return std::nullopt;
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour, minute,
                second);
  return std::string(out);
}

bool Reloadable(const JobDefinition& job) {
  return job.name == "articles" || job.name == "customer-orders" || job.name == "purchase-orders" ||
         job.name == "deliveries" || job.name == "receipts";
}

int RunReload(const std::string& job_name, const std::optional<std::string>& from,
              JobOptions options, const std::vector<const ConnectionConfig*>& connections,
              Poco::Logger& log) {
  const JobDefinition* job = FindJob(job_name);
  if (job == nullptr || !Reloadable(*job)) {
    log.error(
        "reload: '%s' cannot be reloaded; name one of articles, customer-orders, "
        "purchase-orders, deliveries, receipts (internal orders go one at a time with `send "
        "internal-order NO`; every stock run compares all of it)",
        job_name);
    return 64;  // EXIT_USAGE
  }
  options.reload_from = std::string();
  if (from) {
    options.reload_from = ParseReloadFrom(*from);
    if (!options.reload_from) {
      log.error("reload: --from '%s' is not a date: give YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]",
                *from);
      return 64;
    }
  }
  const std::string since = options.reload_from->empty() ? "the beginning" : *options.reload_from;
  int exit_code = 0;
  for (const ConnectionConfig* c : connections) {
    if (options.stop_signal != nullptr && options.stop_signal->Requested()) {
      log.warning("connection %s: reload %s not started, stop requested", c->name, job->name);
      exit_code = WorseExitCode(exit_code, kExitStopped);
      break;
    }
    if (job->automatic != nullptr && !(c->*job->automatic)) {
      log.information(
          "connection %s: automatic export of %s is off: nothing to reload (send one document "
          "with `send`)",
          c->name, job->name);
      continue;
    }
    log.information("connection %s: reload %s from %s%s", c->name, job->name, since,
                    options.dry_run ? " (dry run)" : "");
    const int code = RunJobForConnection(*job, *c, options, job->name, log);
    exit_code = WorseExitCode(exit_code, code);
    if (EndsCommand(code))
      break;
  }
  return exit_code;
}

}  // namespace wmsbridge::jobs
