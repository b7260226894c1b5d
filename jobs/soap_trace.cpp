#include "jobs/soap_trace.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Logger.h>
#include <Poco/Timestamp.h>
#include <sys/stat.h>

#include <atomic>
#include <cstdio>
#include <fstream>

namespace wmsbridge::jobs {
namespace {

// File names sort in the order the messages travelled, also within one millisecond.
std::atomic<unsigned> sequence{0};

}  // namespace

ongoing::MessageDumpFn SoapTraceWriter(const std::string& dir, const std::string& connection) {
  return [dir, connection](std::string_view operation, ongoing::MessageDirection direction,
                           std::string_view text) {
    char seq[16];
    std::snprintf(seq, sizeof seq, "%05u", sequence.fetch_add(1) % 100000);
    const std::string path =
        dir + "/" + Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y%m%dT%H%M%S.%iZ") + "-" +
        seq + "-" + connection + "-" + std::string(operation) + "-" +
        (direction == ongoing::MessageDirection::kRequest ? "request" : "response") + ".xml";
    const mode_t old_mask = ::umask(077);  // a trace shows addresses and orders: owner only
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    ::umask(old_mask);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out)
      Poco::Logger::get("wmsbridge").warning("SOAP trace: cannot write %s", path);
  };
}

ongoing::MessageDumpFn BothDumps(ongoing::MessageDumpFn first, ongoing::MessageDumpFn second) {
  if (!first)
    return second;
  if (!second)
    return first;
  return
      [first = std::move(first), second = std::move(second)](
          std::string_view operation, ongoing::MessageDirection direction, std::string_view text) {
        first(operation, direction, text);
        second(operation, direction, text);
      };
}

}  // namespace wmsbridge::jobs
