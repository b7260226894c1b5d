#pragma once
// Where and how wmsbridge logs: stderr always, and the log file when wmsbridge.log_file names
// one (Poco FileChannel, rotated and archived as the configuration says). Every line carries
// its time with the zone's offset, the level and the logger's name, which within a run is
// "wmsbridge.run-N" (or "wmsbridge.dry-run"): the run id on every line of a run.

#include <Poco/Message.h>

#include <string>

namespace wmsbridge::jobs {

struct LogSettings {
  std::string file;                   // empty: stderr only
  std::string rotation = "10 M";      // wmsbridge.log_rotation (Poco FileChannel "rotation")
  std::string archive = "timestamp";  // wmsbridge.log_archive: number or timestamp
  std::string purge_count = "10";     // wmsbridge.log_keep: archived files kept
  Poco::Message::Priority level = Poco::Message::PRIO_INFORMATION;
  std::string config_file;  // for messages
};

/// Routes every logger to stderr and the log file, each line as local time with its UTC offset
/// ("2026-12-02 07:30:05+01:00"), level, logger name, text. Opens the file at once, so that a bad
/// rotation setting or an unwritable file is a ConfigError naming its key before any work.
/// Throws ConfigError (jobs/connection_config.h).
void SetUpLogging(const LogSettings& settings);

/// The level named by --log-level (fatal, critical, error, warning, notice, information, debug,
/// trace). Throws std::invalid_argument naming the choices.
Poco::Message::Priority ParseLogLevel(const std::string& name);

}  // namespace wmsbridge::jobs
