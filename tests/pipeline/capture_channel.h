#pragma once
// A Poco channel that keeps what it is given, so tests can assert on log lines.

#include <string>
#include <utility>
#include <vector>

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>

namespace wmsbridge::pipeline::testing {

class CaptureChannel : public Poco::Channel {
 public:
  struct Line {
    Poco::Message::Priority priority;
    std::string text;
  };

  void log(const Poco::Message& message) override {
    lines.push_back({message.getPriority(), message.getText()});
  }

  std::vector<Line> lines;
};

// A logger of its own per test (Poco loggers are process-wide by name) writing to a capture.
struct CapturedLogger {
  explicit CapturedLogger(const std::string& name)
      : channel(new CaptureChannel), logger(Poco::Logger::get(name)) {
    logger.setChannel(channel);
    logger.setLevel(Poco::Message::PRIO_INFORMATION);
  }
  ~CapturedLogger() { logger.setChannel(nullptr); }
  CapturedLogger(const CapturedLogger&) = delete;
  CapturedLogger& operator=(const CapturedLogger&) = delete;

  const std::vector<CaptureChannel::Line>& Lines() const { return channel->lines; }

  Poco::AutoPtr<CaptureChannel> channel;
  Poco::Logger& logger;
};

}  // namespace wmsbridge::pipeline::testing
