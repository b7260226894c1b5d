#include "jobs/cli_usage.h"

#include <Poco/Util/Option.h>

#include <algorithm>

#include "jobs/job_definitions.h"

namespace wmsbridge::jobs {
namespace {

struct CommandText {
  std::string name;
  std::string forms;                 // the command's forms, one per line
  std::string summary;               // what it does
  std::vector<std::string> options;  // full names of the options it takes
};

std::string JobLines(const std::string& prefix) {
  std::string text;
  for (const JobDefinition& job : JobDefinitions()) {
    std::string line = "  " + prefix + job.name;
    line.resize(std::max<std::size_t>(line.size() + 2, 24), ' ');
    text += line + job.help + "\n";
  }
  return text;
}

std::string Joined(const std::vector<std::string>& words, const std::string& separator) {
  std::string text;
  for (const std::string& word : words)
    text += (text.empty() ? "" : separator) + word;
  return text;
}

const std::vector<CommandText>& Commands() {
  static const std::vector<CommandText> commands = {
      {"run",
       "run JOB",
       "Runs one job for every connection (or the one named by --connection). Jobs:\n" +
           JobLines(""),
       {"config", "connection", "dry-run", "full", "no-progress", "trace-soap", "log-level",
        "verbose"}},
      {"send",
       "send " + Joined(SendableDocumentTypes(), "|") + " NUMBER",
       "Sends or updates one document now, whatever its automatic-export switch and even when\n"
       "unchanged. Exit 65 with the reason when the ERP has no such document that may be sent.",
       {"config", "connection", "dry-run", "trace-soap", "log-level", "verbose"}},
      {"run-due",
       "run-due",
       "Runs every job whose schedule has a slot due now; call it every minute from cron or a\n"
       "systemd timer. With --dry-run it lists the jobs it would run.",
       {"config", "connection", "dry-run", "now", "no-progress", "trace-soap", "log-level",
        "verbose"}},
      {"daemon",
       "daemon",
       "Runs run-due itself every daemon_poll_s as a long-running service until SIGTERM or\n"
       "SIGINT, which lets the record in flight finish, closes its run as STOPPED and exits 0.",
       {"config", "connection", "no-progress", "trace-soap", "log-level", "verbose"}},
      {"reload",
       "reload JOB [--from DATE]",
       "Sends again (articles, customer-orders, purchase-orders) or reads again (deliveries,\n"
       "receipts) everything from DATE on (all without it), whatever was sent before; nothing\n"
       "is duplicated in Ongoing or the ERP. Recorded as a run with its parameters.",
       {"config", "connection", "from", "dry-run", "trace-soap", "log-level", "verbose"}},
      {"report",
       "report stock",
       "Writes the report of a stored stock run (default: the latest).",
       {"config", "connection", "run", "format", "output"}},
      {"status",
       "status [--format table|csv|json] [--run N | --runs N]",
       "Shows per connection and job: the last run, the next due time, documents in ERROR\n"
       "waiting for a person, flagged stock differences; exit 79 when a job is stale (it has\n"
       "not completed since a slot of its schedule more than an hour old). --run N lists that\n"
       "run's parameters and records, --runs N the latest N runs.",
       {"config", "connection", "format", "run", "runs", "output", "now"}},
      {"check",
       "check",
       "Checks, per connection, one line each: the configuration, the ERP database and its\n"
       "wms_ tables, the WMS (reachable, TLS, logon), the warehouses and the transporter\n"
       "services the ERP's delivery methods need. Exit 0 when all pass, else the worst code.",
       {"config", "connection", "trace-soap", "log-level", "verbose"}},
      {"db",
       "db migrate\ndb init-demo",
       "migrate: creates or upgrades wmsbridge's own wms_ tables in the ERP database.\n"
       "init-demo: creates the reference ERP schema with demo data (and the database file of a\n"
       "SQLite connection), then migrates.",
       {"config", "connection"}},
      {"help", "help [COMMAND]", "Shows the help of wmsbridge or of one command.", {}}};
  return commands;
}

const CommandText* FindCommand(const std::string& name) {
  for (const CommandText& command : Commands()) {
    if (command.name == name)
      return &command;
  }
  return nullptr;
}

}  // namespace

std::string VersionLine() {
  return std::string("wmsbridge ") + WMSBRIDGE_VERSION;
}

std::vector<std::string> SendableDocumentTypes() {
  std::vector<std::string> types;
  for (const JobDefinition& job : JobDefinitions()) {
    if (job.name.ends_with("-orders"))
      types.push_back(job.name.substr(0, job.name.size() - 1));
  }
  return types;
}

std::string GlobalUsage() {
  std::string usage = "--config FILE COMMAND\n\nCommands:\n";
  usage += JobLines("run ");
  usage += "  send " + Joined(SendableDocumentTypes(), "|") +
           " NUMBER\n"
           "                        send or update one document now\n"
           "  run-due               run every job whose schedule has a slot due now\n"
           "  daemon                run-due every daemon_poll_s as a service until SIGTERM\n"
           "  reload JOB [--from DATE]   send or read again everything from DATE on\n"
           "  check                 check the configuration, the ERP and the WMS, one line each\n"
           "  report stock          a stored stock run's report\n"
           "  status                per connection and job: last run, next due, errors, stale\n"
           "  db migrate            create or upgrade wmsbridge's own wms_ tables\n"
           "  db init-demo          create the reference ERP schema with demo data, then migrate\n"
           "  help COMMAND          the help of one command (also: COMMAND --help)\n\n"
           "Exit codes: 0 done, 64 bad command line, 65 records rejected or failed (send: no\n"
           "such document to send), 66 an input file is missing, 69 WMS unavailable or its rate\n"
           "limit reached, 74 ERP database failure, 75 job already running, 77 WMS logon\n"
           "refused, 78 bad configuration (or the wms_ tables need `wmsbridge db migrate`), 79\n"
           "(status) a job is stale, 130 stopped by SIGINT/SIGTERM. With several connections\n"
           "each runs whatever another meets; the code is the worst:\n"
           "130 > 70 > 66 > 78 > 77 > 74 > 69 > 75 > 65 > 0.";
  return usage;
}

std::optional<std::string> CommandHelp(const std::string& command,
                                       const Poco::Util::OptionSet& options) {
  const CommandText* text = FindCommand(command);
  if (text == nullptr)
    return std::nullopt;
  std::string help;
  std::size_t start = 0;
  while (start < text->forms.size()) {
    const std::size_t end = std::min(text->forms.find('\n', start), text->forms.size());
    help += std::string(help.empty() ? "usage: " : "       ") + "wmsbridge " +
            (command == "help" ? "" : "--config FILE ") + text->forms.substr(start, end - start) +
            "\n";
    start = end + 1;
  }
  help += "\n" + text->summary;
  if (!help.ends_with("\n"))
    help += "\n";
  if (!text->options.empty()) {
    help += "\nOptions:\n";
    for (const std::string& name : text->options) {
      if (!options.hasOption(name))
        continue;
      const Poco::Util::Option& option = options.getOption(name);
      std::string line = "  --" + option.fullName();
      if (!option.shortName().empty())
        line += ", -" + option.shortName();
      if (option.takesArgument())
        line += " " + option.argumentName();
      line.resize(std::max<std::size_t>(line.size() + 2, 26), ' ');
      help += line + option.description() + "\n";
    }
  }
  return help;
}

std::optional<std::string> UsageProblem(const std::vector<std::string>& args) {
  if (args.empty())
    return "no command given";
  const std::string& command = args[0];
  const auto count = [&](std::size_t wanted) -> std::optional<std::string> {
    if (args.size() < wanted)
      return "`" + command + "` needs more arguments; see wmsbridge help " + command;
    if (args.size() > wanted)
      return "unexpected argument '" + args[wanted] + "'; see wmsbridge help " + command;
    return std::nullopt;
  };
  if (command == "run") {
    if (args.size() >= 2 && FindJob(args[1]) == nullptr)
      return "unknown job '" + args[1] + "'; see wmsbridge help run";
    return count(2);
  }
  if (command == "send") {
    if (args.size() >= 2) {
      const auto types = SendableDocumentTypes();
      if (std::find(types.begin(), types.end(), args[1]) == types.end())
        return "cannot send '" + args[1] + "'; send takes " + Joined(types, ", ");
    }
    if (args.size() == 2)
      return "send " + args[1] + " needs the document number";
    return count(3);
  }
  if (command == "report") {
    if (args.size() >= 2 && args[1] != "stock")
      return "unknown report '" + args[1] + "'; the one report is `report stock`";
    return count(2);
  }
  if (command == "db") {
    if (args.size() >= 2 && args[1] != "migrate" && args[1] != "init-demo")
      return "unknown command 'db " + args[1] + "'; db takes migrate or init-demo";
    return count(2);
  }
  if (command == "reload")
    return count(2);  // which jobs can be reloaded, reload_command.cpp says (64 too)
  if (command == "run-due" || command == "daemon" || command == "status" || command == "check")
    return count(1);
  if (command == "help") {
    if (args.size() >= 2 && FindCommand(args[1]) == nullptr)
      return "no help for '" + args[1] + "': not a command";
    return args.size() > 2 ? count(2) : std::nullopt;
  }
  return "unknown command '" + command + "'; see wmsbridge --help";
}

}  // namespace wmsbridge::jobs
