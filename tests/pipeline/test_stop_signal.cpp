// StopSignal: SIGINT/SIGTERM become a flag while it lives, the old handlers come back after.
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <stdexcept>

#include "pipeline/stop_signal.h"

namespace wmsbridge::pipeline {
namespace {

volatile std::sig_atomic_t g_previous_handler_calls = 0;
extern "C" void PreviousHandler(int) {
  g_previous_handler_calls = g_previous_handler_calls + 1;
}

// Installs PreviousHandler for a signal for the scope of a test, then puts back what was there.
class ScopedHandler {
 public:
  explicit ScopedHandler(int signal_number) : signal_number_(signal_number) {
    struct sigaction action {};
    action.sa_handler = PreviousHandler;
    sigemptyset(&action.sa_mask);
    sigaction(signal_number_, &action, &saved_);
  }
  ~ScopedHandler() { sigaction(signal_number_, &saved_, nullptr); }
  ScopedHandler(const ScopedHandler&) = delete;
  ScopedHandler& operator=(const ScopedHandler&) = delete;

 private:
  int signal_number_;
  struct sigaction saved_ {};
};

void (*CurrentHandler(int signal_number))(int) {
  struct sigaction current {};
  sigaction(signal_number, nullptr, &current);
  return current.sa_handler;
}

BOOST_AUTO_TEST_SUITE(stop_signal)

BOOST_AUTO_TEST_CASE(stop_signal_turns_sigterm_into_flag_and_restores_handler) {
  ScopedHandler previous_term(SIGTERM);
  ScopedHandler previous_int(SIGINT);
  g_previous_handler_calls = 0;
  {
    StopSignal signal;
    BOOST_TEST(!signal.Requested());
    BOOST_TEST(CurrentHandler(SIGTERM) != &PreviousHandler);
    std::raise(SIGTERM);  // would end the test process without the StopSignal's handler
    BOOST_TEST(signal.Requested());
    BOOST_TEST(signal.SignalNumber() == SIGTERM);
    BOOST_TEST(g_previous_handler_calls == 0);
  }
  BOOST_TEST(CurrentHandler(SIGTERM) == &PreviousHandler);
  BOOST_TEST(CurrentHandler(SIGINT) == &PreviousHandler);
  std::raise(SIGTERM);
  BOOST_TEST(g_previous_handler_calls == 1);
}

BOOST_AUTO_TEST_CASE(stop_signal_turns_sigint_into_flag) {
  ScopedHandler previous_int(SIGINT);
  StopSignal signal;
  std::raise(SIGINT);
  BOOST_TEST(signal.Requested());
  BOOST_TEST(signal.SignalNumber() == SIGINT);
}

BOOST_AUTO_TEST_CASE(stop_signal_request_sets_flag_without_signal) {
  StopSignal signal;
  signal.Request();
  BOOST_TEST(signal.Requested());
  BOOST_TEST(signal.SignalNumber() == 0);
}

BOOST_AUTO_TEST_CASE(stop_signal_allows_one_instance_at_a_time) {
  {
    StopSignal first;
    first.Request();
    BOOST_CHECK_THROW(StopSignal second, std::logic_error);
    BOOST_TEST(first.Requested());  // the failed second one did not disturb the first
  }
  StopSignal again;  // free once the first is gone, and starts cleared
  BOOST_TEST(!again.Requested());
}

BOOST_AUTO_TEST_CASE(stop_signal_second_signal_takes_default_action) {
  int pipe_fds[2];
  BOOST_REQUIRE(pipe(pipe_fds) == 0);
  const pid_t child = fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    // In the child: survive the first SIGTERM, report it, then die of the second.
    close(pipe_fds[0]);
    signal(SIGTERM, SIG_DFL);
    StopSignal stop;
    std::raise(SIGTERM);
    const char survived = stop.Requested() ? 'y' : 'n';
    [[maybe_unused]] const auto written = write(pipe_fds[1], &survived, 1);
    std::raise(SIGTERM);
    _exit(3);  // reached only if the second signal was swallowed too
  }
  close(pipe_fds[1]);
  char survived = 0;
  const auto got = read(pipe_fds[0], &survived, 1);
  close(pipe_fds[0]);
  int status = 0;
  BOOST_REQUIRE(waitpid(child, &status, 0) == child);
  BOOST_TEST(got == 1);
  BOOST_TEST(survived == 'y');
  BOOST_TEST(WIFSIGNALED(status));
  BOOST_TEST((WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace wmsbridge::pipeline
