#include "jobs/wmsbridge_app.h"

#include <atomic>

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/DateTimeParser.h>
#include <Poco/FileChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/PatternFormatter.h>
#include <Poco/SplitterChannel.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "jobs/check_command.h"
#include "jobs/cli_usage.h"
#include "jobs/connection_config.h"
#include "jobs/connection_run.h"
#include "jobs/daemon.h"
#include "jobs/erp_readiness.h"
#include "jobs/exit_codes.h"
#include "jobs/job_definitions.h"
#include "jobs/log_setup.h"
#include "jobs/order_jobs.h"
#include "jobs/parallel_connections.h"
#include "jobs/readback_jobs.h"
#include "jobs/reload_command.h"
#include "jobs/run_due.h"
#include "jobs/sql_location.h"
#include "jobs/status_command.h"
#include "jobs/stock_job.h"
#include "pipeline/stop_signal.h"
#include "stages/erp/erp_database.h"
#include "stages/erp/job_lock.h"
#include "stages/erp/migrator.h"
#include "stages/erp/run_store.h"

using Poco::Util::Option;
using Poco::Util::OptionCallback;

namespace wmsbridge::jobs {
namespace {

Poco::AutoPtr<Poco::Util::AbstractConfiguration> ReadConfigFile(const std::string& path) {
  if (path.empty())
    throw ConfigError("(command line)", "--config", "missing: name the configuration file");
  // A folder opens as a stream and reads as nothing for ever: refuse it before Poco tries.
  if (std::filesystem::is_directory(path))
    throw MissingInputFile(path, "--config", "is a folder, not a configuration file");
  std::ifstream probe(path);
  if (!probe)
    throw MissingInputFile(path, "--config", "cannot read the file");
  if (path.size() > 11 && path.substr(path.size() - 11) == ".properties") {
    return new Poco::Util::PropertyFileConfiguration(path);
  }
  return new Poco::Util::IniFileConfiguration(path);
}

}  // namespace

void WmsBridgeApp::defineOptions(Poco::Util::OptionSet& options) {
  Application::defineOptions(options);
  options.addOption(Option("help", "h", "show this help").required(false).repeatable(false));
  options.addOption(
      Option("version", "V", "print the version and exit").required(false).repeatable(false));
  options.addOption(Option("log-level", "",
                           "fatal, critical, error, warning, notice, "
                           "information (default), debug or trace")
                        .required(false)
                        .repeatable(false)
                        .argument("LEVEL")
                        .binding("wmsbridge.cli_log_level"));
  options.addOption(Option("verbose", "v", "log at level debug (as --log-level debug)")
                        .required(false)
                        .repeatable(false)
                        .binding("wmsbridge.verbose"));
  options.addOption(Option("trace-soap", "",
                           "write every SOAP request and answer, secrets "
                           "masked, to a file each in DIR")
                        .required(false)
                        .repeatable(false)
                        .argument("DIR")
                        .binding("wmsbridge.cli_trace_soap_dir"));
  options.addOption(Option("config", "c", "configuration file (.ini or .properties)")
                        .required(false)
                        .repeatable(false)
                        .argument("FILE")
                        .binding("wmsbridge.config_file"));
  options.addOption(Option("connection", "n", "only this connection (default: all)")
                        .required(false)
                        .repeatable(false)
                        .argument("NAME")
                        .binding("wmsbridge.only_connection"));
  options.addOption(Option("dry-run", "d", "show what would be sent; send and write nothing")
                        .required(false)
                        .repeatable(false)
                        .binding("wmsbridge.dry_run"));
  options.addOption(Option("show-xml", "", "with --dry-run: print each request, secrets masked")
                        .required(false)
                        .repeatable(false)
                        .binding("wmsbridge.show_xml"));
  options.addOption(
      Option("full", "f", "compare every record, not only those changed since the last run")
          .required(false)
          .repeatable(false)
          .binding("wmsbridge.full"));
  options.addOption(Option("no-progress", "q", "no progress bar or progress lines")
                        .required(false)
                        .repeatable(false)
                        .binding("wmsbridge.no_progress"));
  options.addOption(Option("run", "",
                           "`report stock`: the run to report (default: the latest); `status`: "
                           "list run N's document rows and parameters")
                        .required(false)
                        .repeatable(false)
                        .argument("N")
                        .binding("wmsbridge.report_run"));
  options.addOption(Option("format", "",
                           "`report stock`: html (default) or csv; `status`: table (default), "
                           "csv or json")
                        .required(false)
                        .repeatable(false)
                        .argument("FORMAT")
                        .binding("wmsbridge.report_format"));
  options.addOption(
      Option("output", "o", "`report stock`, `status`: write to FILE (default: stdout)")
          .required(false)
          .repeatable(false)
          .argument("FILE")
          .binding("wmsbridge.report_output"));
  options.addOption(
      Option("now", "", "`run-due`: as if it were this UTC time (YYYY-MM-DD HH:MM:SS)")
          .required(false)
          .repeatable(false)
          .argument("TIME")
          .binding("wmsbridge.now"));
  options.addOption(Option("runs", "r", "`status`: list the latest N runs instead")
                        .required(false)
                        .repeatable(false)
                        .argument("N")
                        .binding("wmsbridge.status_runs"));
  options.addOption(
      Option("from", "", "`reload`: from this ERP/WMS time on (YYYY-MM-DD[ HH:MM[:SS]])")
          .required(false)
          .repeatable(false)
          .argument("DATE")
          .binding("wmsbridge.reload_from"));
}

void WmsBridgeApp::handleOption(const std::string& name, const std::string& value) {
  Application::handleOption(name, value);
  if (name == "help") {
    help_requested_ = true;
    stopOptionsProcessing();
  }
  if (name == "version") {
    version_requested_ = true;
    stopOptionsProcessing();
  }
}

void WmsBridgeApp::ShowHelp(const std::string& command) const {
  if (const auto help = CommandHelp(command, options())) {
    std::cout << *help;
    return;
  }
  Poco::Util::HelpFormatter help(options());
  help.setCommand(commandName());
  help.setWidth(110);
  // The job lines come from the one job list (jobs/job_definitions.h).
  help.setUsage(GlobalUsage());
  help.setHeader("wmsbridge: batch integration between the ERP and Ongoing WMS.");
  help.format(std::cout);
}

int WmsBridgeApp::ReportStock(const ConnectionConfig& connection, const std::string& sql_dir) {
  Poco::Logger& log = Poco::Logger::get("wmsbridge");
  const std::string format = config().getString("wmsbridge.report_format", "html");
  if (format != "html" && format != "csv") {
    log.error("--format must be html or csv, not '%s'", format);
    return EXIT_USAGE;
  }
  std::optional<std::int64_t> run;
  if (config().hasProperty("wmsbridge.report_run")) {
    Poco::Int64 n = 0;
    if (!Poco::NumberParser::tryParse64(config().getString("wmsbridge.report_run"), n) || n <= 0) {
      log.error("--run must be a run number");
      return EXIT_USAGE;
    }
    run = n;
  }
  const auto kind = format == "csv" ? stock::ReportFormat::kCsv : stock::ReportFormat::kHtml;
  const std::string output = config().getString("wmsbridge.report_output", "");
  try {
    if (output.empty()) {
      WriteStockReport(connection, sql_dir, run, kind, std::cout);
      return EXIT_OK;
    }
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    if (!out) {
      log.error("cannot write %s", output);
      return EXIT_IOERR;
    }
    const std::int64_t written = WriteStockReport(connection, sql_dir, run, kind, out);
    out.flush();
    if (!out) {
      log.error("cannot write %s", output);
      return EXIT_IOERR;
    }
    log.information("stock report of run %Ld written to %s", written, output);
  } catch (const stock::NoStockRun& e) {
    log.error("%s", std::string(e.what()));
    return EXIT_DATAERR;
  }
  return EXIT_OK;
}

int WmsBridgeApp::main(const std::vector<std::string>& args) {
  if (version_requested_) {
    std::cout << VersionLine() << "\n";
    return EXIT_OK;
  }
  // `run --help`, `help run`, `--help`: the help of the command named, else the global one.
  if (help_requested_ || (!args.empty() && args[0] == "help")) {
    const std::size_t named = !args.empty() && args[0] == "help" ? 1 : 0;
    ShowHelp(args.size() > named ? args[named] : "");
    if (args.size() > named && !CommandHelp(args[named], options()))
      return EXIT_USAGE;
    return EXIT_OK;
  }
  LogSettings log_settings;
  SetUpLogging(log_settings);
  Poco::Logger& log = Poco::Logger::get("wmsbridge");
  if (args.empty()) {
    ShowHelp("");
    return EXIT_USAGE;
  }
  // The command line first: a usage error is 64 whatever the configuration holds.
  if (const auto problem = UsageProblem(args)) {
    log.error("%s", *problem);
    return EXIT_USAGE;
  }
  std::optional<Poco::Message::Priority> cli_level;
  try {
    if (config().hasProperty("wmsbridge.cli_log_level"))
      cli_level = ParseLogLevel(config().getString("wmsbridge.cli_log_level"));
    else if (config().hasProperty("wmsbridge.verbose"))
      cli_level = Poco::Message::PRIO_DEBUG;
  } catch (const std::invalid_argument& e) {
    log.error("%s", std::string(e.what()));
    return EXIT_USAGE;
  }
  int status_runs = 20;
  if (config().hasProperty("wmsbridge.status_runs") &&
      (!Poco::NumberParser::tryParse(config().getString("wmsbridge.status_runs"), status_runs) ||
       status_runs <= 0)) {
    log.error("--runs must be a positive whole number, not '%s'",
              config().getString("wmsbridge.status_runs"));
    return EXIT_USAGE;
  }
  const std::string cli_trace_dir = config().getString("wmsbridge.cli_trace_soap_dir", "");
  if (config().hasProperty("wmsbridge.cli_trace_soap_dir") &&
      !std::filesystem::is_directory(cli_trace_dir)) {
    log.error("--trace-soap: the folder '%s' does not exist", cli_trace_dir);
    return EXIT_USAGE;
  }

  // The whole configuration is checked before any work.
  AppConfig app;
  try {
    const std::string file = config().getString("wmsbridge.config_file", "");
    auto file_config = ReadConfigFile(file);
    app = LoadConfig(*file_config, file, config().getString("wmsbridge.sql_dir", DefaultSqlDir()));
  } catch (const MissingInputFile& e) {
    log.error("configuration: %s", std::string(e.what()));
    return EXIT_NOINPUT;
  } catch (const ConfigError& e) {
    log.error("configuration: %s", std::string(e.what()));
    return EXIT_CONFIG;
  } catch (const Poco::Exception& e) {
    log.error("configuration: %s", e.displayText());
    return EXIT_CONFIG;
  }
  try {
    log_settings.file = app.log_file;
    log_settings.rotation = app.log_rotation;
    log_settings.archive = app.log_archive;
    log_settings.purge_count = std::to_string(app.log_keep);
    log_settings.config_file = app.file;
    log_settings.level =
        cli_level ? *cli_level
                  : (app.log_level.empty() ? log_settings.level : ParseLogLevel(app.log_level));
    SetUpLogging(log_settings);
  } catch (const ConfigError& e) {
    log.error("configuration: %s", std::string(e.what()));
    return EXIT_CONFIG;
  } catch (const std::invalid_argument& e) {
    log.error("configuration: %s: wmsbridge.log_level: %s", app.file, std::string(e.what()));
    return EXIT_CONFIG;
  }
  const std::string trace_soap_dir = cli_trace_dir.empty() ? app.trace_soap_dir : cli_trace_dir;

  std::vector<const ConnectionConfig*> selected;
  const std::string only = config().getString("wmsbridge.only_connection", "");
  try {
    if (!only.empty()) {
      selected.push_back(&app.Connection(only));
    } else {
      for (const auto& c : app.connections)
        selected.push_back(&c);
    }
  } catch (const ConfigError& e) {
    log.error("configuration: %s", std::string(e.what()));
    return EXIT_CONFIG;
  }

  const std::string command = args[0];
  const std::string what = args.size() > 1 ? args[1] : "";
  // The ERP's database must exist (only `db init-demo` creates one) and, for the commands that
  // read wmsbridge's tables outside a job, carry the current wms_ tables. `check`
  // reports each of these as a line of its own.
  if (command == "check") {
    JobOptions options;
    options.sql_dir = app.sql_dir;
    options.message_dump_file = app.message_dump_file;
    options.trace_soap_dir = trace_soap_dir;
    return RunCheck(app, selected, options, std::cout);
  }
  for (const ConnectionConfig* c : selected) {
    try {
      // Jobs and run-due check this per connection (connections are isolated).
      if (command == "status" || command == "report" || (command == "db" && what == "migrate"))
        RequireSqliteFile(c->name, c->file, c->erp_odbc);
      if (command == "status" || command == "report") {
        erp::ErpDatabase db(c->erp_odbc, app.sql_dir);
        RequireCurrentSchema(db);
      }
    } catch (const std::exception& e) {
      const CommandFailure failure = FailureOf(e);
      log.error("connection %s: %s", c->name, failure.message);
      return failure.code;
    }
  }
  try {
    if (command == "db" && (what == "migrate" || what == "init-demo")) {
      for (const ConnectionConfig* c : selected) {
        erp::ErpDatabase db(c->erp_odbc, app.sql_dir);
        if (what == "init-demo") {
          erp::CreateReferenceErpSchema(db);
          db.RunScript(app.sql_dir + "/demo/erp_sample_data.sql");
        }
        const erp::MigrationResult result = erp::Migrate(db);
        log.information("connection %s: schema version %d (%z migrations applied)", c->name,
                        result.version, result.applied.size());
      }
      return EXIT_OK;
    }
    if (command == "status") {
      StatusRequest request;
      request.format = config().getString("wmsbridge.report_format", "table");
      if (config().hasProperty("wmsbridge.report_run"))
        request.run = config().getString("wmsbridge.report_run");
      if (config().hasProperty("wmsbridge.status_runs"))
        request.runs = config().getString("wmsbridge.status_runs");
      if (config().hasProperty("wmsbridge.now")) {
        int tz = 0;
        Poco::DateTime at;
        if (!Poco::DateTimeParser::tryParse("%Y-%m-%d %H:%M:%S",
                                            config().getString("wmsbridge.now"), at, tz)) {
          log.error("--now must be YYYY-MM-DD HH:MM:SS (UTC)");
          return EXIT_USAGE;
        }
        request.now = at.timestamp();
      }
      request.output = config().getString("wmsbridge.report_output", "");
      return RunStatus(request, app, selected, std::cout, log);
    }
    if (command == "reload") {
      if (args.size() != 2) {
        log.error("reload needs one job: reload JOB [--from DATE]");
        return EXIT_USAGE;
      }
      pipeline::StopSignal stop;
      JobOptions options;
      options.dry_run = config().hasProperty("wmsbridge.dry_run");
      options.progress = !config().hasProperty("wmsbridge.no_progress");
      options.sql_dir = app.sql_dir;
      options.message_dump_file = app.message_dump_file;
      options.trace_soap_dir = trace_soap_dir;
      options.stop_signal = &stop;
      std::optional<std::string> from;
      if (config().hasProperty("wmsbridge.reload_from"))
        from = config().getString("wmsbridge.reload_from");
      return RunReload(what, from, options, selected, log);
    }
    if (command == "run-due" || command == "daemon") {
      pipeline::StopSignal stop;
      JobOptions options;
      options.dry_run = config().hasProperty("wmsbridge.dry_run");
      // A timer's run logs a progress line every progress_interval_s, as `run` does off a
      // terminal: connections may run at once, and each line names its run.
      options.progress = !config().hasProperty("wmsbridge.no_progress");
      options.progress_interval = app.progress_interval;
      options.progress_lines_only = true;
      options.sql_dir = app.sql_dir;
      options.message_dump_file = app.message_dump_file;
      options.trace_soap_dir = trace_soap_dir;
      options.stop_signal = &stop;
      if (command == "daemon")
        return RunDaemon(app, selected, options, log);
      Poco::Timestamp now;
      if (config().hasProperty("wmsbridge.now")) {
        int tz = 0;
        Poco::DateTime at;
        if (!Poco::DateTimeParser::tryParse("%Y-%m-%d %H:%M:%S",
                                            config().getString("wmsbridge.now"), at, tz)) {
          log.error("--now must be YYYY-MM-DD HH:MM:SS (UTC)");
          return EXIT_USAGE;
        }
        now = at.timestamp();
      }
      return RunDue(app, selected, options, now, log);
    }
    if (command == "report" && what == "stock") {
      return ReportStock(*selected.front(), app.sql_dir);
    }
    // `run customer-orders`, or `send customer-order NO` (the singular names one document).
    const JobDefinition* job = nullptr;
    if (command == "run")
      job = FindJob(what);
    else if (command == "send" && what.size() > 6 && what.substr(what.size() - 6) == "-order")
      job = FindJob(what + "s");
    if (job != nullptr) {
      if (command == "send" && args.size() < 3) {
        log.error("send %s needs the document number", what);
        return EXIT_USAGE;
      }
      pipeline::StopSignal stop;
      JobOptions options;
      options.dry_run = config().hasProperty("wmsbridge.dry_run");
      options.full = config().hasProperty("wmsbridge.full");
      options.progress = !config().hasProperty("wmsbridge.no_progress");
      options.progress_interval = app.progress_interval;
      options.show_xml = config().hasProperty("wmsbridge.show_xml");
      options.sql_dir = app.sql_dir;
      options.message_dump_file = app.message_dump_file;
      options.trace_soap_dir = trace_soap_dir;
      options.stop_signal = &stop;
      if (command == "send")
        options.only_doc_no = args[2];
      // Connections are isolated: whatever one connection's job meets (the WMS down, a refused
      // logon, the ERP failing, the lock held) is logged with its name and the other connections
      // run; the command's code is the worst of them (jobs/exit_codes.h). Only a stop ends it.
      // Up to max_parallel_connections run at once; a manual send prints its answer, so its
      // connections run one after the other, and progress lines of several at once would mix.
      const int parallel = command == "send" ? 1 : app.max_parallel_connections;
      if (parallel > 1 && selected.size() > 1)
        options.progress = false;
      std::atomic<bool> found_anywhere = false;
      const int exit_code = RunConnectionsInParallel(
          selected, parallel, &stop, job->name,
          [&](const ConnectionConfig& c) {
            // Articles have no send requests: with the switch off there is nothing to do.
            // Orders still process the ERP's send requests (R14) with their switch off.
            if (job->automatic == &ConnectionConfig::export_articles && !(c.*job->automatic) &&
                !options.dry_run) {
              log.information("connection %s: automatic export of %s is off", c.name, job->name);
              return VerifyLogonOnly(c, options, log);  // nothing to do, but a broken logon says so
            }
            bool found = false;
            const int code = RunJobForConnection(*job, c, options, what, log, &found);
            if (found)
              found_anywhere = true;
            return code;
          },
          log);
      // `send` of a document no connection has (or may send) is a data error with the reason.
      if (command == "send" && !found_anywhere && exit_code == EXIT_OK) {
        log.error(
            "%s %s: not sent: no connection's ERP has it among the documents it may send "
            "(no such number, its warehouse is not connected, its delivery date is before "
            "start_date, or its status is one that is not sent)",
            what, args[2]);
        return EXIT_DATAERR;
      }
      return exit_code;
    }
  } catch (const std::exception& e) {
    const CommandFailure failure = FailureOf(e);
    log.error("%s", failure.message);
    return failure.code;
  }
  log.error("unknown command '%s'; see --help", command + (what.empty() ? "" : " " + what));
  return EXIT_USAGE;
}

}  // namespace wmsbridge::jobs
