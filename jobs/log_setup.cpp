#include "jobs/log_setup.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Exception.h>
#include <Poco/FileChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>
#include <Poco/SplitterChannel.h>

#include <iostream>
#include <stdexcept>

#include "jobs/connection_config.h"

namespace wmsbridge::jobs {
namespace {

// %z: the time's offset from UTC, so that a line read elsewhere says which zone it is in.
constexpr const char* kLogPattern = "%Y-%m-%d %H:%M:%S%z %p %s: %t";

}  // namespace

void SetUpLogging(const LogSettings& settings) {
  Poco::AutoPtr<Poco::SplitterChannel> splitter(new Poco::SplitterChannel);
  splitter->addChannel(new Poco::ConsoleChannel(std::cerr));
  if (!settings.file.empty()) {
    Poco::AutoPtr<Poco::FileChannel> file(new Poco::FileChannel(settings.file));
    const auto set = [&](const std::string& key, const std::string& property,
                         const std::string& value) {
      try {
        file->setProperty(property, value);
      } catch (const Poco::Exception& e) {
        throw ConfigError(settings.config_file, "wmsbridge." + key,
                          "'" + value + "' is not accepted: " + e.displayText());
      }
    };
    set("log_rotation", "rotation", settings.rotation);
    set("log_archive", "archive", settings.archive);
    set("log_keep", "purgeCount", settings.purge_count);
    file->setProperty("times", "local");
    try {
      file->open();  // now, not at the first line: a bad setting stops the command before work
    } catch (const Poco::InvalidArgumentException& e) {
      throw ConfigError(settings.config_file, "wmsbridge.log_rotation",
                        "'" + settings.rotation + "' is not a rotation (such as 10 M, daily, " +
                            "1 weeks): " + e.displayText());
    } catch (const Poco::Exception& e) {
      throw ConfigError(settings.config_file, "wmsbridge.log_file",
                        "cannot open " + settings.file + " (" + e.displayText() + ")");
    }
    splitter->addChannel(file);
  }
  Poco::AutoPtr<Poco::PatternFormatter> pattern(new Poco::PatternFormatter(kLogPattern));
  pattern->setProperty("times", "local");  // with %z the offset says which zone the time is in
  Poco::AutoPtr<Poco::FormattingChannel> formatting(new Poco::FormattingChannel(pattern, splitter));
  // Every logger, also those made before the configuration was read ("" = all names).
  Poco::Logger::setChannel("", formatting);
  Poco::Logger::setLevel("", settings.level);
}

Poco::Message::Priority ParseLogLevel(const std::string& name) {
  for (const char* known :
       {"fatal", "critical", "error", "warning", "notice", "information", "debug", "trace"}) {
    if (name == known)
      return static_cast<Poco::Message::Priority>(Poco::Logger::parseLevel(name));
  }
  throw std::invalid_argument(
      "--log-level must be one of error, warning, notice, information, "
      "debug, trace; not '" +
      name + "'");
}

}  // namespace wmsbridge::jobs
