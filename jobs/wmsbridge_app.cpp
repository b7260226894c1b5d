#include "jobs/wmsbridge_app.h"

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
#include <fstream>
#include <iostream>

#include "jobs/connection_config.h"
#include "jobs/connection_run.h"
#include "jobs/exit_codes.h"
#include "jobs/job_definitions.h"
#include "jobs/order_jobs.h"
#include "jobs/readback_jobs.h"
#include "jobs/run_due.h"
#include "jobs/sql_location.h"
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
  std::ifstream probe(path);
  if (!probe)
    throw ConfigError(path, "--config", "cannot read the file");
  if (path.size() > 11 && path.substr(path.size() - 11) == ".properties") {
    return new Poco::Util::PropertyFileConfiguration(path);
  }
  return new Poco::Util::IniFileConfiguration(path);
}

}  // namespace

void WmsBridgeApp::defineOptions(Poco::Util::OptionSet& options) {
  Application::defineOptions(options);
  options.addOption(Option("help", "h", "show this help").required(false).repeatable(false));
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
  options.addOption(Option("run", "", "`report stock`: the run to report (default: the latest)")
                        .required(false)
                        .repeatable(false)
                        .argument("N")
                        .binding("wmsbridge.report_run"));
  options.addOption(Option("format", "", "`report stock`: html (default) or csv")
                        .required(false)
                        .repeatable(false)
                        .argument("FORMAT")
                        .binding("wmsbridge.report_format"));
  options.addOption(Option("output", "o", "`report stock`: write to FILE (default: stdout)")
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
  options.addOption(Option("runs", "r", "how many runs `status` shows (default 20)")
                        .required(false)
                        .repeatable(false)
                        .argument("N")
                        .binding("wmsbridge.status_runs"));
}

void WmsBridgeApp::handleOption(const std::string& name, const std::string& value) {
  Application::handleOption(name, value);
  if (name == "help") {
    help_requested_ = true;
    stopOptionsProcessing();
  }
}

void WmsBridgeApp::ShowHelp() const {
  Poco::Util::HelpFormatter help(options());
  help.setCommand(commandName());
  help.setWidth(110);
  // The job lines come from the one job list (jobs/job_definitions.h).
  std::string usage = "--config FILE COMMAND\n\nCommands:\n";
  for (const JobDefinition& job : JobDefinitions()) {
    std::string line = "  run " + job.name;
    line.resize(std::max<std::size_t>(line.size() + 2, 23), ' ');
    usage += line + job.help + "\n";
  }
  usage +=
      "  send customer-order|purchase-order|internal-order NO   send or update one now (R14)\n"
      "  run-due              run every job whose schedule has a slot due now (call it every\n"
      "                       minute from cron or a systemd timer; --dry-run lists them)\n"
      "  report stock [--run N] [--format html|csv] [-o FILE]   a stored stock run's report\n"
      "  status               the latest runs and their counts\n"
      "  db migrate           create or upgrade wmsbridge's own wms_ tables\n"
      "  db init-demo         create the reference ERP schema with demo data, then migrate\n\n"
      "Exit codes: 0 done, 65 records rejected/failed, 69 WMS unavailable or its rate limit\n"
      "reached, 74 ERP database failure, 75 job already running, 77 WMS logon refused,\n"
      "78 bad configuration, 64 bad command line, 130 stopped by SIGINT/SIGTERM. With several\n"
      "connections each runs whatever another meets; the code is the worst:\n"
      "130 > 70 > 78 > 77 > 74 > 69 > 75 > 65 > 0.";
  help.setUsage(usage);
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

void WmsBridgeApp::SetUpLogging(const std::string& log_file) {
  Poco::AutoPtr<Poco::SplitterChannel> splitter(new Poco::SplitterChannel);
  splitter->addChannel(new Poco::ConsoleChannel(std::cerr));
  if (!log_file.empty()) {
    Poco::AutoPtr<Poco::FileChannel> file(new Poco::FileChannel(log_file));
    file->setProperty("rotation", "10 M");
    file->setProperty("archive", "timestamp");
    file->setProperty("purgeCount", "10");
    splitter->addChannel(file);
  }
  // %s is the logger's name, which carries the run id ("wmsbridge.run-17").
  Poco::AutoPtr<Poco::PatternFormatter> pattern(
      new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S %p %s: %t"));
  Poco::AutoPtr<Poco::FormattingChannel> formatting(new Poco::FormattingChannel(pattern, splitter));
  // Every logger, also those made before the configuration was read ("" = all names).
  Poco::Logger::setChannel("", formatting);
  Poco::Logger::setLevel("", Poco::Message::PRIO_INFORMATION);
}

int WmsBridgeApp::main(const std::vector<std::string>& args) {
  if (help_requested_) {
    ShowHelp();
    return EXIT_OK;
  }
  SetUpLogging("");
  Poco::Logger& log = Poco::Logger::get("wmsbridge");
  if (args.empty()) {
    ShowHelp();
    return EXIT_USAGE;
  }

  // The whole configuration is checked before any work.
  AppConfig app;
  try {
    const std::string file = config().getString("wmsbridge.config_file", "");
    auto file_config = ReadConfigFile(file);
    app = LoadConfig(*file_config, file, config().getString("wmsbridge.sql_dir", DefaultSqlDir()));
  } catch (const ConfigError& e) {
    log.error("configuration: %s", std::string(e.what()));
    return EXIT_CONFIG;
  } catch (const Poco::Exception& e) {
    log.error("configuration: %s", e.displayText());
    return EXIT_CONFIG;
  }
  if (!app.log_file.empty())
    SetUpLogging(app.log_file);

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
      erp::ErpDatabase db(selected.front()->erp_odbc, app.sql_dir);
      erp::RunStore runs(db);
      std::cout << "run  connection  job  mode  started  finished  status  "
                   "sent/unchanged/rejected/failed\n";
      for (const auto& r : runs.Recent(config().getInt("wmsbridge.status_runs", 20))) {
        std::cout << r.run_id << "  " << r.connection_name << "  " << r.job << "  " << r.mode
                  << "  " << r.started_at << "  " << r.finished_at << "  " << r.status << "  "
                  << r.sent << "/" << r.unchanged << "/" << r.rejected << "/" << r.failed
                  << (r.message.empty() ? "" : "  " + r.message) << "\n";
      }
      for (const ConnectionConfig* c : selected) {
        const std::string stock = StockStatusLine(*c, app.sql_dir);
        if (!stock.empty())
          std::cout << stock << "\n";
      }
      return EXIT_OK;
    }
    if (command == "run-due") {
      pipeline::StopSignal stop;
      JobOptions options;
      options.dry_run = config().hasProperty("wmsbridge.dry_run");
      options.progress = false;  // a timer's run: progress lines only clutter the log
      options.sql_dir = app.sql_dir;
      options.message_dump_file = app.message_dump_file;
      options.stop_signal = &stop;
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
      options.stop_signal = &stop;
      if (command == "send")
        options.only_doc_no = args[2];
      // Connections are isolated: whatever one connection's job meets (the WMS down, a refused
      // logon, the ERP failing, the lock held) is logged with its name and the next connection
      // runs; the command's code is the worst of them (jobs/exit_codes.h). Only a stop ends it.
      int exit_code = EXIT_OK;
      for (const ConnectionConfig* c : selected) {
        if (stop.Requested()) {
          log.warning("connection %s: %s not started, stop requested", c->name, job->name);
          exit_code = WorseExitCode(exit_code, kExitStopped);
          break;
        }
        // Articles have no send requests: with the switch off there is nothing to do. Orders
        // still process the ERP's send requests (R14) with their switch off.
        if (job->automatic == &ConnectionConfig::export_articles && !(c->*job->automatic) &&
            !options.dry_run) {
          log.information("connection %s: automatic export of %s is off", c->name, job->name);
          continue;
        }
        const int code = RunJobForConnection(*job, *c, options, what, log);
        exit_code = WorseExitCode(exit_code, code);
        if (EndsCommand(code))
          break;
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
