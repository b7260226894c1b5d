#include "tests/wms_sim/sim_app.h"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/NumberParser.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Process.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>

#include <atomic>
#include <csignal>
#include <iostream>

#include "stages/wms/decimal.h"
#include "tests/wms_sim/sim_config.h"
#include "tests/wms_sim/sim_server.h"
#include "tests/wms_sim/sim_store.h"
#include "tests/wms_sim/sim_webhook_sender.h"

namespace wmsbridge::sim {

using wms::Decimal;

namespace {

using Poco::Util::Option;

// Set by SIGINT/SIGTERM; the accept loop polls it. A lock-free atomic is signal-safe.
std::atomic<bool> g_stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void OnStopSignal(int) {
  g_stop_requested.store(true);
}

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

constexpr const char* kCommands =
    R"(Commands (all take --state FILE, the SQLite state of the simulator):
  init --config sim.ini                   write the tenant set-up (goods owner, transporters,
                                          currencies, warehouses) into the state
  serve [--config sim.ini] [--host H] [--port P] [--port-file F]
        [--max-connections N] [--idle-timeout S] [--tls-cert FILE --tls-key FILE]
                                          serve Ongoing's SOAP API (SOAP 1.1) until SIGINT/SIGTERM;
                                          --port 0 takes a free port; --state :memory: is allowed;
                                          with --tls-cert and --tls-key (PEM) it serves HTTPS
        [--webhook-url URL (--webhook-token-file F | --webhook-token-env VAR)]
        [--webhook-retry none|one_day] [--webhook-minute-ms MS] [--webhook-timeout-ms MS]
        [--webhook-ca-file F]             and send Ongoing's webhooks to URL (+ the kind's path,
                                          /ongoing/webhooks/orders ...) with X-Auth-Token; the
                                          options are stored in the state (as sim.ini [webhooks])
  ship --order NO [--line KEY=QTY ...] [--parcel LABEL=URL ...] [--package LABEL ...]
       [--status 450] [--waybill NO] [--waybill-url URL] [--shipped-time T]
                                          pick and ship an order: no --line = every line in full;
                                          KEY is the external line code (else the article
                                          number); QTY is the absolute picked quantity; a
                                          --parcel is booked with the carrier, a --package is
                                          the warehouse's own (IsTaPalletItem false); T is an
                                          xsd:dateTime (default: when first shipped)
  start-picking --order NO [--status 300] set a status >= 300 so updates and cancels are refused
  receive --in-order NO [--line KEY=QTY ...]
                                          receive an in-order in full or per line (absolute)
  stock set --article A [--warehouse W] --qty Q
  stock adjust --article A [--warehouse W] --delta D
                                          set or change stock (W = id or code, default the
                                          first warehouse); both record an inventory transaction
  renumber (--order NO | --in-order NO) --to NEW
                                          give a (cancelled) order a new number, as the 3PL does
  calls [--reset]                         print "OPERATION COUNT" lines, or zero the counters
  show order NO | in-order NO | articles | stock | transactions | faults | webhooks
                                          print the state
  webhooks [--settings]                   list the webhook events: event id, kind, document id
                                          and number, attempts, state, last answer; --settings
                                          prints the set-up (never the token)
  webhook-fault --kind drop|duplicate|reorder [--times N]
                                          the next N webhook events recorded are lost for good,
                                          posted twice, or held back until the next one is sent
  webhook-fault --clear | webhook-fault --list
  fault --kind KIND [--op OPERATION] [--times N] [--every N] [--probability P --seed S]
        [--ms N] [--after]                inject a fault; KIND is latency, http500, soap-fault,
                                          drop, malformed, truncated, timeout or refusal
  fault --clear | fault --list            remove or list the faults
  limit --op OPERATION [--volume N/S] [--failures N/S]
                                          rate-limit an operation per client as Ongoing does:
                                          at most N calls in S seconds (volume), at most N
                                          failed calls in a row in S seconds (failures)
  limit --answer http429|fault|refusal    how a call over a limit is answered (default http429:
                                          HTTP 429 with Retry-After)
  limit --clear | limit --list            remove the limits (and the call history), or list them
  wording [standard|alternative]          print or set how refusals and faults are worded:
                                          alternative is Swedish, with none of the standard words
  time-form [FORM]                        print or set how times are written, as .NET writes a
                                          DateTime: utc (2026-07-01T12:27:00Z, the default),
                                          offset (2026-07-01T14:27:00+02:00) or local
                                          (2026-07-01T14:27:00, no zone), in Europe/Stockholm;
                                          FORM-fraction adds the fraction of the second

Examples:
  wms-sim init --state sim.db --config sim.ini
  wms-sim serve --state sim.db --port 0 --port-file sim.port
  wms-sim ship --state sim.db --order 1001 --line L1=2 --parcel 00370712345=https://t.example/00370712345
  wms-sim fault --state sim.db --kind http500 --op ProcessOrder --times 2
  wms-sim limit --state sim.db --op ProcessOrder --failures 5/600 --volume 100/3600
)";

std::pair<std::string, std::string> SplitPair(const std::string& text, bool at_last,
                                              const std::string& option) {
  const std::size_t pos = at_last ? text.rfind('=') : text.find('=');
  if (pos == std::string::npos || pos == 0) {
    throw UsageError("--" + option + " wants KEY=VALUE, not '" + text + "'");
  }
  return {text.substr(0, pos), text.substr(pos + 1)};
}

std::string YesNo(bool value) {
  return value ? "yes" : "no";
}

// ReportedNumberOfItems as show prints it: "nil" until the integration set it (report-back).
std::string Reported(const std::string& reported_qty) {
  return reported_qty.empty() ? "nil" : Decimal::ParseOrZero(reported_qty).ToString();
}

void PrintOrder(const Order& order) {
  std::cout << "order " << order.order_number << " id=" << order.order_id
            << " status=" << static_cast<int>(order.status) << " " << StatusText(order.status)
            << " cancelled=" << YesNo(order.is_cancelled) << "\n";
  std::cout << "  reference=" << order.reference << " delivery_date=" << order.delivery_date
            << " transporter=" << order.transporter_code << "/" << order.transporter_service_code
            << " service_point=" << order.service_point_code
            << " order_type=" << order.order_type_code << " warehouse=" << order.warehouse_code
            << "\n";
  const Consignee& c = order.consignee;
  std::cout << "  consignee=" << c.name << ", " << c.address << ", " << c.post_code << " " << c.city
            << ", " << c.country_code << " customer=" << c.customer_number << "\n";
  std::cout << "  telephone=" << c.phone << " mobile=" << c.mobile
            << " sms=" << YesNo(c.notify_by_sms) << " email=" << c.email << "\n";
  std::cout << "  waybill=" << order.waybill << " waybill_url=" << order.waybill_url
            << " created=" << order.created << " updated=" << order.updated
            << " shipped=" << order.shipped_time << "\n";
  for (const OrderLine& line : order.lines) {
    if (line.is_text_line) {
      std::cout << "  text " << line.line_no << " id=" << line.line_id
                << " ext=" << line.external_line_code << " comment=" << line.comment << "\n";
      continue;
    }
    std::cout << "  line " << line.line_no << " id=" << line.line_id
              << " ext=" << line.external_line_code << " article=" << line.article_number
              << " ordered=" << Decimal::ParseOrZero(line.ordered_qty).ToString()
              << " picked=" << Decimal::ParseOrZero(line.picked_qty).ToString()
              << " reported=" << Reported(line.reported_qty) << " currency=" << line.currency_code
              << " name=" << line.article_name << "\n";
  }
  for (const Parcel& parcel : order.parcels) {
    std::cout << "  parcel " << parcel.label_id << " url=" << parcel.tracking_url
              << " carrier=" << YesNo(parcel.is_carrier) << "\n";
  }
}

void PrintInOrder(const InOrder& in_order) {
  std::cout << "in-order " << in_order.order_number << " id=" << in_order.in_order_id
            << " status=" << static_cast<int>(in_order.status) << " " << StatusText(in_order.status)
            << " cancelled=" << YesNo(in_order.is_cancelled) << "\n";
  std::cout << "  reference=" << in_order.reference << " in_date=" << in_order.in_date
            << " warehouse=" << in_order.warehouse_code << " supplier=" << in_order.supplier_number
            << " received=" << in_order.received_time << "\n";
  for (const InOrderLine& line : in_order.lines) {
    std::cout << "  line " << line.line_no << " id=" << line.line_id
              << " ext=" << line.external_line_code << " article=" << line.article_number
              << " advised=" << Decimal::ParseOrZero(line.advised_qty).ToString()
              << " received=" << Decimal::ParseOrZero(line.received_qty).ToString()
              << " reported=" << Reported(line.reported_qty) << "\n";
  }
}

// One line per event, the last answer last (it may contain blanks).
void PrintWebhooks(SimStore& store) {
  for (const WebhookEvent& event : store.WebhookEvents()) {
    std::cout << "event=" << event.event_id << " kind=" << WebhookKindName(event.kind)
              << " id=" << event.document_id << " number=" << event.document_number
              << " attempts=" << event.attempts << " state=" << WebhookStateName(event.state)
              << " first_ms=" << event.first_attempt_ms << " last_ms=" << event.last_attempt_ms
              << " next_ms=" << event.next_attempt_ms;
    if (event.duplicate) {
      std::cout << " duplicate";
    }
    if (event.held) {
      std::cout << " held";
    }
    std::cout << " answer=" << event.last_answer << "\n";
  }
}

void WritePortFile(const std::string& path, int port) {
  // Written under a temporary name and renamed: a reader never sees half a file.
  const std::string temporary = path + ".tmp." + std::to_string(Poco::Process::id());
  {
    Poco::FileOutputStream out(temporary);
    out << port << "\n";
    out.close();
  }
  Poco::File(temporary).renameTo(path);
}

void SetUpServerLog() {
  auto formatter = Poco::makeAuto<Poco::PatternFormatter>("%Y-%m-%d %H:%M:%S.%i wms-sim %t");
  auto console = Poco::makeAuto<Poco::ConsoleChannel>();  // std::clog, i.e. stderr
  auto channel = Poco::makeAuto<Poco::FormattingChannel>(formatter, console);
  Poco::Logger::get("wms-sim").setChannel(channel);
}

}  // namespace

SimApp::SimApp() {
  setUnixOptions(true);
}

void SimApp::defineOptions(Poco::Util::OptionSet& options) {
  Application::defineOptions(options);
  auto add = [&options](const std::string& name, const std::string& description,
                        const std::string& argument = "", bool repeatable = false) {
    Option option(name, "", description);
    if (!argument.empty()) {
      option.argument(argument);
    }
    option.repeatable(repeatable);
    options.addOption(option);
  };
  add("help", "print this help");
  add("state", "SQLite state file of the simulator (:memory: for serve)", "FILE");
  add("config", "sim.ini with the tenant set-up (init; serve on a new state)", "FILE");
  add("host", "serve: address to bind (default 127.0.0.1)", "HOST");
  add("port", "serve: port (default 0 = any free port)", "PORT");
  add("port-file", "serve: write the bound port to this file", "FILE");
  add("max-connections", "serve: connection threads at most (default 64)", "N");
  add("idle-timeout", "serve: close a keep-alive connection idle this long (default 5 s)", "S");
  add("tls-cert", "serve: HTTPS with this PEM certificate (chain); needs --tls-key", "FILE");
  add("tls-key", "serve: the PEM private key of --tls-cert (unencrypted)", "FILE");
  add("order", "ship, start-picking, renumber: the GoodsOwnerOrderNumber", "NO");
  add("in-order", "receive, renumber: the in-order's GoodsOwnerOrderNumber", "NO");
  add("line", "ship, receive: KEY=QTY, absolute quantity of one line (repeatable)", "KEY=QTY",
      true);
  add("parcel", "ship: LABEL=URL, a parcel's tracking number and link (repeatable)", "LABEL=URL",
      true);
  add("package", "ship: LABEL, a warehouse package not booked with the carrier (repeatable)",
      "LABEL", true);
  add("shipped-time", "ship: the shipped time, an xsd:dateTime (default: when first shipped)", "T");
  add("status", "ship (default 450), start-picking (default 300): the new order status", "N");
  add("waybill", "ship: the order's shipment number", "NO");
  add("waybill-url", "ship: the link of the shipment number", "URL");
  add("article", "stock: article number", "A");
  add("warehouse", "stock: warehouse id or code (default: the first warehouse)", "W");
  add("qty", "stock set: the new quantity", "Q");
  add("delta", "stock adjust: the change, may be negative", "D");
  add("to", "renumber: the new number", "NEW");
  add("reset", "calls: set every counter to zero");
  add("kind", "fault: latency|http500|soap-fault|drop|malformed|truncated|timeout|refusal", "KIND");
  add("op", "fault: only this operation (default: all)", "OPERATION");
  add("times", "fault: fail the next N matching calls, then the fault is spent", "N");
  add("every", "fault: fail every N-th matching call", "N");
  add("probability", "fault: fail when a seeded draw is below P (0..1)", "P");
  add("seed", "fault: seed of the draws (default 1)", "S");
  add("ms", "fault: latency/timeout duration (defaults 1000/30000)", "N");
  add("after", "fault: run the operation first, then fail the answer");
  add("clear", "fault, limit: remove every fault / rate limit");
  add("list", "fault, limit: list the faults / rate limits");
  add("volume", "limit: at most N calls in S seconds", "N/S");
  add("failures", "limit: at most N consecutive failed calls in S seconds", "N/S");
  add("answer", "limit: http429 (default), fault or refusal", "FORM");
  add("webhook-url", "serve: send webhooks to this base URL", "URL");
  add("webhook-token-file", "serve: the webhooks' X-Auth-Token is in this file", "FILE");
  add("webhook-token-env", "serve: the webhooks' X-Auth-Token is in this variable", "VAR");
  add("webhook-retry", "serve: webhook retry policy none or one_day (default)", "POLICY");
  add("webhook-minute-ms", "serve: how long one retry-policy minute takes (default 60000)", "MS");
  add("webhook-timeout-ms", "serve: time-out of one webhook POST (default 10000)", "MS");
  add("webhook-ca-file", "serve: PEM CA file trusted for an https webhook URL", "FILE");
  add("settings", "webhooks: print the webhook set-up instead of the events");
}

void SimApp::handleOption(const std::string& name, const std::string& value) {
  Application::handleOption(name, value);
  if (name == "help") {
    help_requested_ = true;
    stopOptionsProcessing();
  }
  values_[name].push_back(value);
}

bool SimApp::Has(const std::string& name) const {
  return values_.count(name) > 0;
}

std::optional<std::string> SimApp::Get(const std::string& name) const {
  const auto found = values_.find(name);
  if (found == values_.end() || found->second.empty()) {
    return std::nullopt;
  }
  return found->second.back();
}

std::string SimApp::Require(const std::string& name) const {
  auto value = Get(name);
  if (!value || value->empty()) {
    throw UsageError("--" + name + " is required");
  }
  return *value;
}

std::vector<std::string> SimApp::All(const std::string& name) const {
  const auto found = values_.find(name);
  return found == values_.end() ? std::vector<std::string>() : found->second;
}

int SimApp::IntOption(const std::string& name, int fallback) const {
  const auto text = Get(name);
  if (!text) {
    return fallback;
  }
  int value = 0;
  if (!Poco::NumberParser::tryParse(*text, value)) {
    throw UsageError("--" + name + " wants a whole number, not '" + *text + "'");
  }
  return value;
}

void SimApp::PrintHelp() {
  Poco::Util::HelpFormatter help(options());
  help.setCommand("wms-sim");
  help.setUsage("COMMAND [OPTIONS]");
  help.setHeader(
      "A stand-in for Ongoing WMS's SOAP API on loopback, which also plays the warehouse. "
      "See docs/wms-simulator.md.");
  help.setWidth(100);
  help.format(std::cout);
  std::cout << "\n" << kCommands;
}

int SimApp::main(const std::vector<std::string>& args) {
  if (help_requested_ || (!args.empty() && args.front() == "help")) {
    PrintHelp();
    return EXIT_OK;
  }
  if (args.empty()) {
    std::cerr << "wms-sim: no command given (see wms-sim --help)\n";
    return EXIT_USAGE;
  }
  try {
    return Dispatch(args);
  } catch (const UsageError& error) {
    std::cerr << "wms-sim: " << error.what() << " (see wms-sim --help)\n";
    return EXIT_USAGE;
  } catch (const SimConfigError& error) {
    std::cerr << "wms-sim: " << error.what() << "\n";
    return EXIT_CONFIG;
  } catch (const SimError& error) {
    std::cerr << "wms-sim: " << error.what() << "\n";
    return EXIT_DATAERR;
  } catch (const Poco::Exception& error) {
    std::cerr << "wms-sim: " << error.displayText() << "\n";
    return EXIT_IOERR;
  } catch (const std::exception& error) {
    std::cerr << "wms-sim: " << error.what() << "\n";
    return EXIT_SOFTWARE;
  }
}

int SimApp::Dispatch(const std::vector<std::string>& args) {
  const std::string& command = args.front();
  const bool takes_more =
      command == "stock" || command == "show" || command == "wording" || command == "time-form";
  if (!takes_more && args.size() > 1) {
    throw UsageError("unexpected argument '" + args[1] + "'");
  }
  if (command == "init") {
    return Init();
  }
  if (command == "serve") {
    return Serve();
  }
  if (command == "ship") {
    return Ship();
  }
  if (command == "start-picking") {
    return StartPicking();
  }
  if (command == "receive") {
    return Receive();
  }
  if (command == "stock") {
    return Stock(args);
  }
  if (command == "renumber") {
    return Renumber();
  }
  if (command == "calls") {
    return Calls();
  }
  if (command == "show") {
    return Show(args);
  }
  if (command == "fault") {
    return Fault();
  }
  if (command == "limit") {
    return Limit();
  }
  if (command == "wording") {
    return SetWording(args);
  }
  if (command == "time-form") {
    return SetTimeForm(args);
  }
  if (command == "webhooks") {
    return Webhooks();
  }
  if (command == "webhook-fault") {
    return WebhookFault();
  }
  throw UsageError("unknown command '" + command + "'");
}

int SimApp::Init() {
  const SimConfig config = LoadSimConfig(Require("config"));
  SimStore store(Require("state"));
  store.Init(config);
  std::cout << "initialized " << Require("state") << ": goods owner "
            << config.goods_owners.front().code << ", " << config.transporters.size()
            << " transporter services, " << config.currencies.size() << " currencies, "
            << config.warehouses.size() << " warehouses\n";
  return EXIT_OK;
}

int SimApp::Serve() {
  SetUpServerLog();
  Poco::Logger& log = Poco::Logger::get("wms-sim");
  SimStore store(Require("state"));
  if (const auto config = Get("config")) {
    if (!store.IsInitialized()) {
      store.Init(LoadSimConfig(*config));
    } else {
      log.information("the state is set up already; --config %s is not applied", *config);
    }
  }
  if (!store.IsInitialized()) {
    log.warning("the state has no goods owner: every call but GetSystemStatus fails logon");
  }
  ServerOptions options;
  options.host = Get("host").value_or("127.0.0.1");
  options.port = IntOption("port", 0);
  options.max_connections = IntOption("max-connections", 64);
  options.idle_timeout_seconds = IntOption("idle-timeout", 5);
  if (options.max_connections < 1 || options.idle_timeout_seconds < 1) {
    throw UsageError("--max-connections and --idle-timeout must be at least 1");
  }
  options.tls_cert_file = Get("tls-cert").value_or("");
  options.tls_key_file = Get("tls-key").value_or("");
  if (options.tls_cert_file.empty() != options.tls_key_file.empty()) {
    throw UsageError("--tls-cert and --tls-key go together");
  }

  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a client that went away must not kill the server

  ApplyWebhookOptions(store);
  SimServer server(store, options);
  int port = 0;
  try {
    port = server.Bind();
  } catch (const TlsSetupError& error) {
    std::cerr << "wms-sim: " << error.what() << "\n";
    return EXIT_CONFIG;
  } catch (const std::runtime_error& error) {
    std::cerr << "wms-sim: " << error.what() << "\n";
    return EXIT_UNAVAILABLE;
  }
  const auto port_file = Get("port-file");
  if (port_file) {
    WritePortFile(*port_file, port);
  }
  std::cout << "wms-sim listening on " << (server.tls() ? "https" : "http") << "://" << options.host
            << ":" << port << "/service.asmx" << std::endl;
  {
    // Posts the webhook events while the server runs; idle while no webhook URL is set.
    WebhookSender sender(store, log);
    server.Run(&g_stop_requested);
  }
  if (port_file) {
    Poco::File(*port_file).remove();
  }
  log.information("stopped");
  return EXIT_OK;
}

int SimApp::Ship() {
  std::vector<LineQuantity> lines;
  for (const std::string& text : All("line")) {
    auto [key, qty] = SplitPair(text, true, "line");
    lines.push_back({key, qty});
  }
  std::vector<Parcel> parcels;
  for (const std::string& text : All("parcel")) {
    auto [label, url] = SplitPair(text, false, "parcel");
    parcels.push_back({label, url});
  }
  for (const std::string& label : All("package")) {
    parcels.push_back({label, "", 0, false});
  }
  const int number = IntOption("status", static_cast<int>(OrderStatus::kSent));
  const auto status = OrderStatusFromNumber(number);
  if (!status) {
    throw UsageError("--status " + std::to_string(number) + " is not an order status");
  }
  const std::string order = Require("order");
  SimStore store(Require("state"));
  store.Ship(order, lines, parcels, *status,
             Waybill{Get("waybill").value_or(""), Get("waybill-url").value_or("")},
             Get("shipped-time").value_or(""));
  PrintOrder(*store.FindOrder(order));
  return EXIT_OK;
}

int SimApp::StartPicking() {
  const int number = IntOption("status", static_cast<int>(OrderStatus::kReleased));
  const auto status = OrderStatusFromNumber(number);
  if (!status) {
    throw UsageError("--status " + std::to_string(number) + " is not an order status");
  }
  const std::string order = Require("order");
  SimStore store(Require("state"));
  store.StartPicking(order, *status);
  PrintOrder(*store.FindOrder(order));
  return EXIT_OK;
}

int SimApp::Receive() {
  std::vector<LineQuantity> lines;
  for (const std::string& text : All("line")) {
    auto [key, qty] = SplitPair(text, true, "line");
    lines.push_back({key, qty});
  }
  const std::string in_order = Require("in-order");
  SimStore store(Require("state"));
  store.Receive(in_order, lines);
  PrintInOrder(*store.FindInOrder(in_order));
  return EXIT_OK;
}

int SimApp::Stock(const std::vector<std::string>& args) {
  if (args.size() != 2 || (args[1] != "set" && args[1] != "adjust")) {
    throw UsageError("use 'stock set' or 'stock adjust'");
  }
  const std::string article = Require("article");
  const std::string warehouse = Get("warehouse").value_or("");
  SimStore store(Require("state"));
  if (args[1] == "set") {
    store.SetStock(article, warehouse, Require("qty"));
  } else {
    store.AdjustStock(article, warehouse, Require("delta"));
  }
  for (const ArticleStock& entry : store.Stock()) {
    if (entry.article.article_number == article) {
      std::cout << article << " total=" << entry.on_hand;
      for (const WarehouseStock& place : entry.warehouses) {
        std::cout << " " << place.warehouse_code << "=" << place.qty;
      }
      std::cout << "\n";
    }
  }
  return EXIT_OK;
}

int SimApp::Renumber() {
  const std::string to = Require("to");
  SimStore store(Require("state"));
  if (Has("order") == Has("in-order")) {
    throw UsageError("renumber wants exactly one of --order and --in-order");
  }
  if (Has("order")) {
    store.RenumberOrder(Require("order"), to);
    std::cout << "order " << Require("order") << " is now " << to << "\n";
  } else {
    store.RenumberInOrder(Require("in-order"), to);
    std::cout << "in-order " << Require("in-order") << " is now " << to << "\n";
  }
  return EXIT_OK;
}

int SimApp::Calls() {
  SimStore store(Require("state"));
  if (Has("reset")) {
    store.ResetCalls();
    std::cout << "call counters reset\n";
    return EXIT_OK;
  }
  for (const auto& [name, count] : store.CallCounts()) {
    std::cout << name << " " << count << "\n";
  }
  return EXIT_OK;
}

int SimApp::Show(const std::vector<std::string>& args) {
  if (args.size() < 2) {
    throw UsageError(
        "show what? order NO | in-order NO | articles | stock | transactions | faults");
  }
  const std::string& what = args[1];
  const bool needs_number = what == "order" || what == "in-order";
  if (args.size() != (needs_number ? 3u : 2u)) {
    throw UsageError(needs_number ? "show " + what + " wants a number"
                                  : "show " + what + " takes no number");
  }
  SimStore store(Require("state"));
  if (what == "order") {
    const auto order = store.FindOrder(args[2]);
    if (!order) {
      throw SimError("Order " + args[2] + " does not exist");
    }
    PrintOrder(*order);
  } else if (what == "in-order") {
    const auto in_order = store.FindInOrder(args[2]);
    if (!in_order) {
      throw SimError("In-order " + args[2] + " does not exist");
    }
    PrintInOrder(*in_order);
  } else if (what == "articles") {
    for (const Article& article : store.Articles()) {
      std::cout << article.article_number << " id=" << article.system_id << " name=" << article.name
                << " barcode=" << article.barcode
                << " supplier_no=" << article.supplier_article_number
                << " statistics_no=" << article.statistics_number << " unit=" << article.unit_code
                << " weight=" << article.weight << " volume=" << article.volume
                << " stock_article=" << YesNo(article.is_stock_article)
                << " active=" << YesNo(article.is_active) << "\n";
    }
  } else if (what == "stock") {
    for (const ArticleStock& entry : store.Stock()) {
      std::cout << entry.article.article_number << " total=" << entry.on_hand
                << " booked=" << entry.booked << " to_receive=" << entry.to_receive;
      for (const WarehouseStock& place : entry.warehouses) {
        std::cout << " " << place.warehouse_code << "=" << place.qty;
      }
      std::cout << "\n";
    }
  } else if (what == "transactions") {
    for (const InventoryTransaction& transaction : store.InventoryTransactions()) {
      std::cout << transaction.inventory_id << " " << transaction.article_number << " "
                << transaction.warehouse_code << " " << transaction.qty_change << " "
                << transaction.time << " reported=" << YesNo(transaction.reported) << " "
                << transaction.comment << "\n";
    }
  } else if (what == "webhooks") {
    PrintWebhooks(store);
  } else if (what == "faults") {
    for (const FaultState& fault : store.Faults()) {
      std::cout << fault.id << " " << DescribeFault(fault.spec) << " matched=" << fault.matched
                << " fired=" << fault.fired << "\n";
    }
  } else {
    throw UsageError(
        "show what? order NO | in-order NO | articles | stock | transactions | faults | "
        "webhooks");
  }
  return EXIT_OK;
}

int SimApp::SetWording(const std::vector<std::string>& args) {
  SimStore store(Require("state"));
  if (args.size() > 1) {
    const auto wording = WordingFromName(args[1]);
    if (!wording) {
      throw UsageError("wording is standard or alternative, not '" + args[1] + "'");
    }
    store.SetWording(*wording);
  }
  std::cout << "wording " << WordingName(store.CurrentWording()) << "\n";
  return EXIT_OK;
}

int SimApp::SetTimeForm(const std::vector<std::string>& args) {
  SimStore store(Require("state"));
  if (args.size() > 1) {
    const auto form = TimeFormFromName(args[1]);
    if (!form) {
      throw UsageError("time-form is utc, offset or local (each may end in -fraction), not '" +
                       args[1] + "'");
    }
    store.SetTimeForm(*form);
  }
  std::cout << "time-form " << TimeFormName(store.CurrentTimeForm()) << "\n";
  return EXIT_OK;
}

int SimApp::Fault() {
  SimStore store(Require("state"));
  if (Has("clear")) {
    store.ClearFaults();
    std::cout << "faults cleared\n";
    return EXIT_OK;
  }
  if (Has("list")) {
    for (const FaultState& fault : store.Faults()) {
      std::cout << fault.id << " " << DescribeFault(fault.spec) << " matched=" << fault.matched
                << " fired=" << fault.fired << "\n";
    }
    return EXIT_OK;
  }
  FaultSpec spec;
  const std::string kind = Require("kind");
  const auto parsed_kind = FaultKindFromName(kind);
  if (!parsed_kind) {
    throw UsageError("unknown fault kind '" + kind + "'");
  }
  spec.kind = *parsed_kind;
  if (const auto operation = Get("op")) {
    spec.operation = OperationFromName(*operation);
    if (!spec.operation) {
      throw UsageError("unknown operation '" + *operation + "'");
    }
  }
  if (Has("times")) {
    spec.times = IntOption("times", 1);
  }
  if (Has("every")) {
    spec.every = IntOption("every", 1);
  }
  if (const auto probability = Get("probability")) {
    double value = 0;
    if (!Poco::NumberParser::tryParseFloat(*probability, value)) {
      throw UsageError("--probability wants a number from 0 to 1");
    }
    spec.probability = value;
  }
  if (const auto seed = Get("seed")) {
    Poco::UInt64 value = 0;
    if (!Poco::NumberParser::tryParseUnsigned64(*seed, value)) {
      throw UsageError("--seed wants a whole number");
    }
    spec.seed = value;
  }
  spec.ms = IntOption("ms", 0);
  spec.after = Has("after");
  int id = 0;
  try {
    id = store.AddFault(spec);
  } catch (const SimError& error) {
    throw UsageError(error.what());  // a spec that makes no sense is a usage error
  }
  std::cout << "fault " << id << " added: " << DescribeFault(spec) << "\n";
  return EXIT_OK;
}

int SimApp::Limit() {
  SimStore store(Require("state"));
  if (Has("clear")) {
    store.ClearRateLimits();
    std::cout << "rate limits cleared\n";
    return EXIT_OK;
  }
  if (const auto answer = Get("answer")) {
    const auto form = RateLimitAnswerFromName(*answer);
    if (!form) {
      throw UsageError("--answer is http429, fault or refusal, not '" + *answer + "'");
    }
    store.SetRateLimitAnswer(*form);
  }
  if (Has("volume") || Has("failures")) {
    const std::string name = Require("op");
    const auto operation = OperationFromName(name);
    if (!operation) {
      throw UsageError("unknown operation '" + name + "'");
    }
    for (const auto kind : {RateLimitKind::kVolume, RateLimitKind::kFailures}) {
      const auto text = Get(RateLimitKindName(kind));
      if (!text) {
        continue;
      }
      const auto spec = ParseLimitSpec(*text);
      if (!spec) {
        throw UsageError("--" + RateLimitKindName(kind) +
                         " wants N/SECONDS (both at least 1), not '" + *text + "'");
      }
      store.SetRateLimit({*operation, kind, spec->first, spec->second});
    }
  } else if (!Has("list") && !Has("answer")) {
    throw UsageError("limit wants --op with --volume or --failures, --answer, --list or --clear");
  }
  for (const RateLimit& limit : store.RateLimits()) {
    std::cout << "limit " << DescribeRateLimit(limit) << "\n";
  }
  std::cout << "answer " << RateLimitAnswerName(store.CurrentRateLimitAnswer()) << "\n";
  return EXIT_OK;
}

void SimApp::ApplyWebhookOptions(SimStore& store) {
  const bool any = Has("webhook-url") || Has("webhook-token-file") || Has("webhook-token-env") ||
                   Has("webhook-retry") || Has("webhook-minute-ms") || Has("webhook-timeout-ms") ||
                   Has("webhook-ca-file");
  if (!any) {
    return;
  }
  WebhookSettings settings = store.CurrentWebhookSettings();
  try {
    for (const char* key : {"url", "retry", "minute_ms", "timeout_ms", "ca_file"}) {
      std::string option = std::string("webhook-") + key;
      for (char& c : option) {
        c = c == '_' ? '-' : c;
      }
      if (const auto value = Get(option)) {
        ParseWebhookValue(settings, key, *value, "--webhook-");
      }
    }
    if (Has("webhook-token-file") || Has("webhook-token-env")) {
      settings.token = ReadSecret(Get("webhook-token-file").value_or(""),
                                  Get("webhook-token-env").value_or(""), "--webhook-token");
    }
  } catch (const SimConfigError& error) {
    throw UsageError(error.what());
  }
  if (settings.base_url.empty()) {
    throw UsageError("the --webhook-* options need --webhook-url (or a url in the state)");
  }
  if (settings.token.empty()) {
    throw UsageError("--webhook-url needs --webhook-token-file or --webhook-token-env");
  }
  store.SetWebhookSettings(settings);
}

int SimApp::Webhooks() {
  SimStore store(Require("state"));
  if (Has("settings")) {
    const WebhookSettings settings = store.CurrentWebhookSettings();
    std::cout << "url=" << settings.base_url
              << " token=" << (settings.token.empty() ? "none" : "set")
              << " retry=" << WebhookRetryName(settings.retry)
              << " minute_ms=" << settings.minute_ms << " timeout_ms=" << settings.timeout_ms
              << " ca_file=" << settings.ca_file << "\n";
    return EXIT_OK;
  }
  PrintWebhooks(store);
  return EXIT_OK;
}

int SimApp::WebhookFault() {
  SimStore store(Require("state"));
  if (Has("clear")) {
    store.ClearWebhookFaults();
    std::cout << "webhook faults cleared\n";
    return EXIT_OK;
  }
  if (!Has("list")) {
    const std::string name = Require("kind");
    const auto kind = WebhookFaultKindFromName(name);
    if (!kind) {
      throw UsageError("webhook-fault --kind is drop, duplicate or reorder, not '" + name + "'");
    }
    const int times = IntOption("times", 1);
    if (times < 1) {
      throw UsageError("--times must be at least 1");
    }
    store.AddWebhookFault(*kind, times);
  }
  for (const auto& [kind, times] : store.WebhookFaults()) {
    std::cout << "webhook-fault " << WebhookFaultKindName(kind) << " times=" << times << "\n";
  }
  return EXIT_OK;
}

}  // namespace wmsbridge::sim
