// wms-null: the null server (null_wms_server.h) as a program of its own, for measuring
// wmsbridge or anything else against a server that answers at once.
//   wms-null [--port N] [--latency-ms N] [--port-file FILE]
// Serves on 127.0.0.1 until SIGINT or SIGTERM, then prints what it was sent.
#include <csignal>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "tests/bench/null_wms_server.h"

namespace {

int Usage() {
  std::cerr << "usage: wms-null [--port N] [--latency-ms N] [--port-file FILE]\n";
  return 64;
}

}  // namespace

int main(int argc, char** argv) {
  wmsbridge::bench::NullServerOptions options;
  std::string port_file;
  try {
    for (int i = 1; i < argc; ++i) {
      const std::string arg = argv[i];
      if (i + 1 >= argc)
        return Usage();
      if (arg == "--port")
        options.port = std::stoi(argv[++i]);
      else if (arg == "--latency-ms")
        options.latency_ms = std::stoi(argv[++i]);
      else if (arg == "--port-file")
        port_file = argv[++i];
      else
        return Usage();
    }
  } catch (const std::exception&) {
    return Usage();
  }
  // Block the signals before the server's threads start, so that only sigwait sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
  try {
    wmsbridge::bench::NullWmsServer server(options);
    if (!port_file.empty())
      std::ofstream(port_file) << server.port() << "\n";
    std::cout << "wms-null serving " << server.url() << " (latency " << options.latency_ms
              << " ms per call)" << std::endl;
    int received = 0;
    sigwait(&stop_signals, &received);
    const auto counts = server.Counts();
    std::cout << "calls " << counts.calls << ", writes " << counts.write_calls << ", "
              << counts.write_bytes << " bytes written" << std::endl;
  } catch (const std::exception& error) {
    std::cerr << "wms-null: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
