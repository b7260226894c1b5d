// SimStore: opening, schema, tenant set-up, call counters and faults. The Ongoing documents
// are in sim_store_articles.cpp, sim_store_orders.cpp, sim_store_in_orders.cpp and
// sim_store_stock.cpp; the rate limits in sim_store_limits.cpp.
#include "tests/wms_sim/sim_store.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <cmath>
#include <string_view>
#include <utility>

#include "tests/wms_sim/sim_db.h"
#include "tests/wms_sim/sim_store_rows.h"
#include "tests/wms_sim/sim_time.h"

namespace wmsbridge::sim {

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Statement;

namespace {

// Quantities and weights are TEXT: exact decimal strings, never REAL.
constexpr const char* kSchema[] = {
    "CREATE TABLE IF NOT EXISTS sim_goods_owners (id INTEGER PRIMARY KEY, code TEXT NOT NULL "
    "UNIQUE, user_name TEXT NOT NULL, password TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sim_warehouses (id INTEGER PRIMARY KEY, code TEXT NOT NULL "
    "UNIQUE)",
    "CREATE TABLE IF NOT EXISTS sim_transporters (code TEXT NOT NULL, service_code TEXT NOT "
    "NULL, name TEXT NOT NULL, PRIMARY KEY (code, service_code))",
    "CREATE TABLE IF NOT EXISTS sim_currencies (code TEXT PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS sim_articles (system_id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "goods_owner_id INTEGER NOT NULL, article_number TEXT NOT NULL, name TEXT, barcode TEXT, "
    "supplier_article_number TEXT, statistics_number TEXT, unit_code TEXT, weight TEXT, "
    "volume TEXT, is_stock_article INTEGER NOT NULL DEFAULT 1, is_active INTEGER NOT NULL "
    "DEFAULT 1, created TEXT NOT NULL, updated TEXT NOT NULL, UNIQUE (goods_owner_id, "
    "article_number))",
    "CREATE TABLE IF NOT EXISTS sim_orders (order_id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "goods_owner_id INTEGER NOT NULL, order_number TEXT NOT NULL, status INTEGER NOT NULL, "
    "reference TEXT, remark TEXT, delivery_instruction TEXT, delivery_date TEXT, "
    "service_point_code TEXT, transporter_code TEXT, transporter_service_code TEXT, "
    "order_type_code TEXT, consignee_number TEXT, consignee_name TEXT, consignee_address TEXT, "
    "consignee_address2 TEXT, consignee_post_code TEXT, consignee_city TEXT, "
    "consignee_country_code TEXT, consignee_email TEXT, consignee_phone TEXT, consignee_mobile "
    "TEXT, waybill TEXT, waybill_url TEXT, created TEXT NOT NULL, updated TEXT NOT NULL, "
    "picking_started TEXT, shipped_time TEXT, is_cancelled INTEGER NOT NULL DEFAULT 0, "
    "warehouse_id INTEGER, consignee_notify_sms INTEGER NOT NULL DEFAULT 0, "
    "UNIQUE (goods_owner_id, order_number))",
    "CREATE TABLE IF NOT EXISTS sim_order_lines (line_id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "order_id INTEGER NOT NULL REFERENCES sim_orders (order_id) ON DELETE CASCADE, line_no "
    "INTEGER NOT NULL, external_line_code TEXT, article_number TEXT, article_name TEXT, "
    "ordered_qty TEXT NOT NULL, picked_qty TEXT NOT NULL DEFAULT '0', comment TEXT, "
    "is_text_line INTEGER NOT NULL DEFAULT 0, currency_code TEXT, reported_qty TEXT)",
    "CREATE INDEX IF NOT EXISTS sim_order_lines_order ON sim_order_lines (order_id)",
    "CREATE TABLE IF NOT EXISTS sim_parcels (id INTEGER PRIMARY KEY AUTOINCREMENT, order_id "
    "INTEGER NOT NULL REFERENCES sim_orders (order_id) ON DELETE CASCADE, label_id TEXT NOT "
    "NULL, tracking_url TEXT, waybill TEXT, created TEXT NOT NULL, is_carrier INTEGER NOT NULL "
    "DEFAULT 1, UNIQUE (order_id, label_id))",
    "CREATE TABLE IF NOT EXISTS sim_in_orders (in_order_id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "goods_owner_id INTEGER NOT NULL, order_number TEXT NOT NULL, status INTEGER NOT NULL, "
    "reference TEXT, remark TEXT, in_date TEXT, order_date TEXT, warehouse_id INTEGER, "
    "supplier_number TEXT, supplier_name TEXT, created TEXT NOT NULL, updated TEXT NOT NULL, "
    "received_time TEXT, is_cancelled INTEGER NOT NULL DEFAULT 0, UNIQUE (goods_owner_id, "
    "order_number))",
    "CREATE TABLE IF NOT EXISTS sim_in_order_lines (line_id INTEGER PRIMARY KEY "
    "AUTOINCREMENT, in_order_id INTEGER NOT NULL REFERENCES sim_in_orders (in_order_id) ON "
    "DELETE CASCADE, line_no INTEGER NOT NULL, external_line_code TEXT, article_number TEXT, "
    "article_name TEXT, advised_qty TEXT NOT NULL, received_qty TEXT NOT NULL DEFAULT '0', "
    "comment TEXT, reported_qty TEXT)",
    "CREATE INDEX IF NOT EXISTS sim_in_order_lines_in_order ON sim_in_order_lines "
    "(in_order_id)",
    "CREATE TABLE IF NOT EXISTS sim_stock (article_id INTEGER NOT NULL, warehouse_id INTEGER "
    "NOT NULL, qty TEXT NOT NULL, updated TEXT NOT NULL, PRIMARY KEY (article_id, "
    "warehouse_id))",
    "CREATE TABLE IF NOT EXISTS sim_inventory_transactions (id INTEGER PRIMARY KEY "
    "AUTOINCREMENT, article_id INTEGER NOT NULL, warehouse_id INTEGER NOT NULL, qty_change "
    "TEXT NOT NULL, time TEXT NOT NULL, reported INTEGER NOT NULL DEFAULT 0, comment TEXT)",
    "CREATE TABLE IF NOT EXISTS sim_calls (operation TEXT PRIMARY KEY, count INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sim_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sim_faults (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT "
    "NULL, operation TEXT, times_left INTEGER, every_n INTEGER, probability REAL, seed INTEGER "
    "NOT NULL DEFAULT 1, ms INTEGER NOT NULL DEFAULT 0, after INTEGER NOT NULL DEFAULT 0, "
    "matched INTEGER NOT NULL DEFAULT 0, fired INTEGER NOT NULL DEFAULT 0, created TEXT NOT "
    "NULL)",
    "CREATE TABLE IF NOT EXISTS sim_rate_limits (operation TEXT NOT NULL, kind TEXT NOT NULL, "
    "max_calls INTEGER NOT NULL, window_seconds INTEGER NOT NULL, PRIMARY KEY (operation, "
    "kind))",
    "CREATE TABLE IF NOT EXISTS sim_limited_calls (id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "operation TEXT NOT NULL, client TEXT NOT NULL, at_ms INTEGER NOT NULL, failed INTEGER NOT "
    "NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS sim_limited_calls_by_client ON sim_limited_calls (operation, "
    "client, at_ms)",
    // Webhooks: the outbox (event id = webhookEventId; times in epoch ms, as the sender's clock
    // must survive a restart) and the injected webhook faults.
    "CREATE TABLE IF NOT EXISTS sim_webhook_events (event_id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "kind TEXT NOT NULL, goods_owner_id INTEGER NOT NULL, document_id INTEGER NOT NULL, "
    "document_number TEXT NOT NULL, body TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER "
    "NOT NULL DEFAULT 0, first_attempt_ms INTEGER NOT NULL DEFAULT 0, last_attempt_ms INTEGER "
    "NOT NULL DEFAULT 0, next_attempt_ms INTEGER NOT NULL DEFAULT 0, last_answer TEXT NOT NULL "
    "DEFAULT '', duplicate INTEGER NOT NULL DEFAULT 0, held INTEGER NOT NULL DEFAULT 0, created "
    "TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sim_webhook_faults (id INTEGER PRIMARY KEY AUTOINCREMENT, kind "
    "TEXT NOT NULL, times_left INTEGER NOT NULL)",
};

// Columns added after the first release, with their definitions: a state file made by an
// older simulator gets them when it is opened (orders without a warehouse are the default's).
constexpr std::pair<const char*, const char*> kAddedColumns[] = {
    {"sim_orders", "warehouse_id INTEGER"},
    {"sim_orders", "consignee_notify_sms INTEGER NOT NULL DEFAULT 0"},
    {"sim_order_lines", "reported_qty TEXT"},
    {"sim_in_order_lines", "reported_qty TEXT"},
};

void AddMissingColumns(Poco::Data::Session& session) {
  for (const auto& [table, definition] : kAddedColumns) {
    const std::string column(definition, std::string_view(definition).find(' '));
    int present = 0;
    session << "SELECT count(*) FROM pragma_table_info('" + std::string(table) +
                   "') WHERE name = ?",
        into(present), bind(column), now;
    if (present == 0) {
      session << "ALTER TABLE " + std::string(table) + " ADD COLUMN " + definition, now;
    }
  }
}

std::vector<FaultState> ReadFaults(Poco::Data::Session& session) {
  Statement select(session);
  select << "SELECT * FROM sim_faults ORDER BY id", now;
  const RecordSet rows(select);
  std::vector<FaultState> faults;
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    FaultState fault;
    fault.id = static_cast<int>(IntAt(rows, row, "id"));
    fault.spec.kind = FaultKindFromName(TextAt(rows, row, "kind")).value_or(FaultKind::kHttp500);
    const std::string operation = TextAt(rows, row, "operation");
    if (!operation.empty()) {
      fault.spec.operation = OperationFromName(operation);
    }
    if (!IsNullAt(rows, row, "times_left")) {
      fault.spec.times = static_cast<int>(IntAt(rows, row, "times_left"));
    }
    if (!IsNullAt(rows, row, "every_n")) {
      fault.spec.every = static_cast<int>(IntAt(rows, row, "every_n"));
    }
    if (!IsNullAt(rows, row, "probability")) {
      fault.spec.probability = rows.value("probability", row).convert<double>();
    }
    fault.spec.seed = static_cast<std::uint64_t>(IntAt(rows, row, "seed"));
    fault.spec.ms = static_cast<int>(IntAt(rows, row, "ms"));
    fault.spec.after = BoolAt(rows, row, "after");
    fault.matched = IntAt(rows, row, "matched");
    fault.fired = IntAt(rows, row, "fired");
    faults.push_back(fault);
  }
  return faults;
}

}  // namespace

SimStore::SimStore(const std::string& path) : pool_(std::make_unique<SessionPool>(path)) {
  CreateSchema();
}

SimStore::~SimStore() = default;

void SimStore::CreateSchema() {
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  for (const char* statement : kSchema) {
    *session << statement, now;
  }
  AddMissingColumns(*session);
  transaction.Commit();
}

std::mutex& SimStore::WriteMutex(int goods_owner_id) {
  std::lock_guard lock(write_mutexes_guard_);
  auto& mutex = write_mutexes_[goods_owner_id];
  if (!mutex) {
    mutex = std::make_unique<std::mutex>();
  }
  return *mutex;
}

void SimStore::Init(const SimConfig& config) {
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  for (const GoodsOwner& owner : config.goods_owners) {
    *session << "INSERT INTO sim_goods_owners (id, code, user_name, password) VALUES (?, ?, ?, "
                "?) ON CONFLICT (code) DO UPDATE SET user_name = excluded.user_name, "
                "password = excluded.password",
        bind(owner.id), bind(owner.code), bind(owner.user_name), bind(owner.password), now;
  }
  for (const Warehouse& warehouse : config.warehouses) {
    *session << "INSERT INTO sim_warehouses (id, code) VALUES (?, ?) ON CONFLICT (id) DO "
                "UPDATE SET code = excluded.code",
        bind(warehouse.id), bind(warehouse.code), now;
  }
  *session << "DELETE FROM sim_transporters", now;
  for (const Transporter& transporter : config.transporters) {
    *session << "INSERT INTO sim_transporters (code, service_code, name) VALUES (?, ?, ?)",
        bind(transporter.code), bind(transporter.service_code), bind(transporter.name), now;
  }
  *session << "DELETE FROM sim_currencies", now;
  for (const std::string& currency : config.currencies) {
    *session << "INSERT OR IGNORE INTO sim_currencies (code) VALUES (?)", bind(currency), now;
  }
  *session << "DELETE FROM sim_rate_limits", now;
  for (const RateLimit& limit : config.rate_limits) {
    *session << "INSERT OR REPLACE INTO sim_rate_limits (operation, kind, max_calls, "
                "window_seconds) VALUES (?, ?, ?, ?)",
        bind(OperationName(limit.operation)), bind(RateLimitKindName(limit.kind)),
        bind(limit.max_calls), bind(limit.window_seconds), now;
  }
  if (config.rate_limit_answer) {
    *session << "INSERT INTO sim_settings (name, value) VALUES ('rate_limit_answer', ?) ON "
                "CONFLICT (name) DO UPDATE SET value = excluded.value",
        bind(RateLimitAnswerName(*config.rate_limit_answer)), now;
  }
  transaction.Commit();
  if (config.webhooks) {
    SetWebhookSettings(*config.webhooks);
  }
}

bool SimStore::IsInitialized() {
  auto session = pool_->Acquire();
  int count = 0;
  *session << "SELECT count(*) FROM sim_goods_owners", into(count), now;
  return count > 0;
}

int SimStore::DefaultGoodsOwnerId(Poco::Data::Session& session) {
  std::vector<int> ids;
  session << "SELECT id FROM sim_goods_owners ORDER BY id LIMIT 1", into(ids), now;
  if (ids.empty()) {
    throw SimError("the state has no goods owner yet (run wms-sim init --config sim.ini)");
  }
  return ids.front();
}

GoodsOwner SimStore::DefaultGoodsOwner() {
  auto session = pool_->Acquire();
  const int id = DefaultGoodsOwnerId(*session);
  Statement select(*session);
  select << "SELECT * FROM sim_goods_owners WHERE id = ?", bind(id), now;
  const RecordSet rows(select);
  return GoodsOwner{id, TextAt(rows, 0, "code"), TextAt(rows, 0, "user_name"),
                    TextAt(rows, 0, "password")};
}

std::optional<GoodsOwner> SimStore::CheckLogon(const std::string& code,
                                               const std::string& user_name,
                                               const std::string& password) {
  auto session = pool_->Acquire();
  Statement select(*session);
  select << "SELECT id FROM sim_goods_owners WHERE code = ? AND user_name = ? AND password = ?",
      bind(code), bind(user_name), bind(password), now;
  const RecordSet rows(select);
  if (rows.rowCount() == 0) {
    return std::nullopt;
  }
  return GoodsOwner{static_cast<int>(IntAt(rows, 0, "id")), code, user_name, password};
}

std::vector<Transporter> SimStore::Transporters() {
  auto session = pool_->Acquire();
  Statement select(*session);
  select << "SELECT code, service_code, name FROM sim_transporters ORDER BY code, service_code",
      now;
  const RecordSet rows(select);
  std::vector<Transporter> transporters;
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    transporters.push_back(
        {TextAt(rows, row, "code"), TextAt(rows, row, "service_code"), TextAt(rows, row, "name")});
  }
  return transporters;
}

std::vector<std::string> SimStore::Currencies() {
  auto session = pool_->Acquire();
  std::vector<std::string> codes;
  *session << "SELECT code FROM sim_currencies ORDER BY code", into(codes), now;
  return codes;
}

std::vector<Warehouse> SimStore::Warehouses() {
  auto session = pool_->Acquire();
  Statement select(*session);
  select << "SELECT id, code FROM sim_warehouses ORDER BY id", now;
  const RecordSet rows(select);
  std::vector<Warehouse> warehouses;
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    warehouses.push_back({static_cast<int>(IntAt(rows, row, "id")), TextAt(rows, row, "code")});
  }
  return warehouses;
}

// --- Call counters ---------------------------------------------------------------------------

void SimStore::CountCall(Operation operation) {
  auto session = pool_->Acquire();
  *session << "INSERT INTO sim_calls (operation, count) VALUES (?, 1) ON CONFLICT (operation) "
              "DO UPDATE SET count = count + 1",
      bind(OperationName(operation)), now;
}

std::int64_t SimStore::CallCount(Operation operation) {
  return CallCount(OperationName(operation));
}

std::int64_t SimStore::CallCount(const std::string& operation_name) {
  const auto operation = OperationFromName(operation_name);
  if (!operation) {
    return 0;
  }
  auto session = pool_->Acquire();
  std::vector<Poco::Int64> counts;
  *session << "SELECT count FROM sim_calls WHERE operation = ?", into(counts),
      bind(OperationName(*operation)), now;
  return counts.empty() ? 0 : counts.front();
}

std::vector<std::pair<std::string, std::int64_t>> SimStore::CallCounts() {
  std::vector<std::pair<std::string, std::int64_t>> counts;
  std::map<std::string, std::int64_t> stored;
  {
    auto session = pool_->Acquire();
    Statement select(*session);
    select << "SELECT operation, count FROM sim_calls", now;
    const RecordSet rows(select);
    for (std::size_t row = 0; row < rows.rowCount(); ++row) {
      stored[TextAt(rows, row, "operation")] = IntAt(rows, row, "count");
    }
  }
  for (Operation operation : AllOperations()) {
    const std::string name = OperationName(operation);
    counts.emplace_back(name, stored.count(name) ? stored[name] : 0);
  }
  return counts;
}

std::int64_t SimStore::TotalWriteCalls() {
  std::int64_t total = 0;
  for (const auto& [name, count] : CallCounts()) {
    if (IsWriteOperation(*OperationFromName(name))) {
      total += count;
    }
  }
  return total;
}

void SimStore::SetWording(Wording wording) {
  auto session = pool_->Acquire();
  *session << "INSERT INTO sim_settings (name, value) VALUES ('wording', ?) ON CONFLICT (name) "
              "DO UPDATE SET value = excluded.value",
      bind(WordingName(wording)), now;
}

Wording SimStore::CurrentWording() {
  auto session = pool_->Acquire();
  std::vector<std::string> values;
  *session << "SELECT value FROM sim_settings WHERE name = 'wording'", into(values), now;
  return values.empty() ? Wording::kStandard
                        : WordingFromName(values.front()).value_or(Wording::kStandard);
}

void SimStore::SetTimeForm(TimeForm form) {
  auto session = pool_->Acquire();
  *session << "INSERT INTO sim_settings (name, value) VALUES ('time_form', ?) ON CONFLICT (name) "
              "DO UPDATE SET value = excluded.value",
      bind(TimeFormName(form)), now;
}

TimeForm SimStore::CurrentTimeForm() {
  auto session = pool_->Acquire();
  std::vector<std::string> values;
  *session << "SELECT value FROM sim_settings WHERE name = 'time_form'", into(values), now;
  return values.empty() ? TimeForm{} : TimeFormFromName(values.front()).value_or(TimeForm{});
}

void SimStore::ResetCalls() {
  auto session = pool_->Acquire();
  *session << "DELETE FROM sim_calls", now;
}

// --- Faults ----------------------------------------------------------------------------------

int SimStore::AddFault(const FaultSpec& spec) {
  if (spec.times && *spec.times < 1) {
    throw SimError("--times must be at least 1");
  }
  if (spec.every && *spec.every < 1) {
    throw SimError("--every must be at least 1");
  }
  if (spec.probability &&
      (*spec.probability < 0.0 || *spec.probability > 1.0 || std::isnan(*spec.probability))) {
    throw SimError("--probability must be between 0 and 1");
  }
  if (spec.ms < 0) {
    throw SimError("--ms must not be negative");
  }
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  Statement insert(*session);
  insert << "INSERT INTO sim_faults (kind, operation, times_left, every_n, probability, seed, "
            "ms, after, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      bind(FaultKindName(spec.kind)),
      bind(spec.operation ? Poco::Nullable<std::string>(OperationName(*spec.operation))
                          : Poco::Nullable<std::string>()),
      bind(spec.times ? Poco::Nullable<int>(*spec.times) : Poco::Nullable<int>()),
      bind(spec.every ? Poco::Nullable<int>(*spec.every) : Poco::Nullable<int>()),
      bind(spec.probability ? Poco::Nullable<double>(*spec.probability) : Poco::Nullable<double>()),
      bind(static_cast<Poco::Int64>(spec.seed)),
      bind(spec.ms > 0 ? spec.ms : DefaultFaultMs(spec.kind)), bind(spec.after ? 1 : 0),
      bind(NowStamp());
  insert.execute();
  int id = 0;
  *session << "SELECT last_insert_rowid()", into(id), now;
  transaction.Commit();
  return id;
}

void SimStore::ClearFaults() {
  auto session = pool_->Acquire();
  *session << "DELETE FROM sim_faults", now;
}

std::vector<FaultState> SimStore::Faults() {
  auto session = pool_->Acquire();
  return ReadFaults(*session);
}

FaultDecision SimStore::DecideFault(Operation operation) {
  FaultDecision decision;
  auto session = pool_->Acquire();
  int count = 0;
  *session << "SELECT count(*) FROM sim_faults", into(count), now;
  if (count == 0) {
    return decision;  // the common case stays a cheap read
  }
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);
  for (FaultState& fault : ReadFaults(*session)) {
    if (fault.spec.operation && *fault.spec.operation != operation) {
      continue;
    }
    ++fault.matched;
    const bool spent_already = fault.spec.times && *fault.spec.times <= 0;
    bool fires = !spent_already && FaultFiresOn(fault.spec, fault.matched);
    if (fires && fault.spec.kind != FaultKind::kLatency && decision.fired) {
      fires = false;  // one failure per call: the first fault in id order wins
    }
    if (fires) {
      ++fault.fired;
      if (fault.spec.times) {
        --*fault.spec.times;
      }
      if (fault.spec.kind == FaultKind::kLatency) {
        decision.latency_ms += fault.spec.ms;
      } else {
        decision.fired = FiredFault{fault.id, fault.spec.kind, fault.spec.ms, fault.spec.after};
      }
    }
    if (fault.spec.times && *fault.spec.times <= 0) {
      *session << "DELETE FROM sim_faults WHERE id = ?", bind(fault.id), now;  // spent
    } else {
      *session << "UPDATE sim_faults SET matched = ?, fired = ?, times_left = ? WHERE id = ?",
          bind(static_cast<Poco::Int64>(fault.matched)),
          bind(static_cast<Poco::Int64>(fault.fired)),
          bind(fault.spec.times ? Poco::Nullable<int>(*fault.spec.times) : Poco::Nullable<int>()),
          bind(fault.id), now;
    }
  }
  transaction.Commit();
  return decision;
}

}  // namespace wmsbridge::sim
