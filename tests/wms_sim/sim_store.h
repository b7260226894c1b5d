#pragma once
// The simulated warehouse's state, kept in SQLite: Ongoing's data (articles, orders, in-orders,
// stock, inventory transactions), the tenant set-up, call counters, injected faults and rate
// limits.
// The SOAP service, the CLI and tests all go through this class; it knows no gSOAP type.
//
// Error policy: a document Ongoing would reject is data (ProcessResult with success=false);
// a warehouse command on something that does not exist throws SimError; database trouble
// throws Poco::Exception. Thread-safe: every call borrows its own SQLite session; writes of one
// goods owner run one at a time (a mutex here, SQLite's write lock across processes).

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/wms_sim/sim_config.h"
#include "tests/wms_sim/sim_faults.h"
#include "tests/wms_sim/sim_operation.h"
#include "tests/wms_sim/sim_rate_limits.h"
#include "tests/wms_sim/sim_records.h"
#include "tests/wms_sim/sim_requests.h"
#include "tests/wms_sim/sim_status.h"
#include "tests/wms_sim/sim_time.h"
#include "tests/wms_sim/sim_webhooks.h"
#include "tests/wms_sim/sim_wording.h"

namespace Poco::Data {
class Session;
}

namespace wmsbridge::sim {

class SessionPool;

/// A warehouse command that cannot be done (unknown order, cancelled order, bad quantity...).
class SimError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SimStore {
 public:
  /// Opens or creates the state DB at `path` (":memory:" for a private in-memory state) and
  /// creates missing tables. Throws Poco::Exception if the file cannot be opened.
  explicit SimStore(const std::string& path);
  ~SimStore();
  SimStore(const SimStore&) = delete;
  SimStore& operator=(const SimStore&) = delete;

  // --- Set-up -------------------------------------------------------------------------------

  /// Writes the tenant set-up: goods owners and warehouses are inserted or updated,
  /// transporters, currencies and rate limits replaced (the answer form only when given). Orders,
  /// articles and stock are kept. Throws Poco::Exception on DB errors.
  void Init(const SimConfig& config);
  /// True once a goods owner exists (Init ran). Throws Poco::Exception on DB errors.
  bool IsInitialized();
  /// The goods owner the warehouse commands act on (the lowest id). Throws SimError if none.
  GoodsOwner DefaultGoodsOwner();
  /// The goods owner whose code, user name and password all match, else nullopt.
  std::optional<GoodsOwner> CheckLogon(const std::string& code, const std::string& user_name,
                                       const std::string& password);
  /// Transporter services ordered by code, service code.
  std::vector<Transporter> Transporters();
  /// Currency codes ordered by code.
  std::vector<std::string> Currencies();
  /// Warehouses ordered by id (the first is the default warehouse).
  std::vector<Warehouse> Warehouses();

  // --- The SOAP operations (the service calls these after the logon check) -----------------

  /// ProcessArticle CreateOrUpdate by article number (or system id). Never throws for a bad
  /// document; throws Poco::Exception on DB errors.
  ProcessResult ProcessArticle(int goods_owner_id, const ArticleInput& input);
  /// ProcessOrder Create / CreateOrUpdate / Update / Remove by GoodsOwnerOrderNumber, with
  /// Ongoing's rules (see docs/wms-simulator.md); an OutboundWarehouse that does not exist is
  /// refused. Throws Poco::Exception on DB errors.
  ProcessResult ProcessOrder(int goods_owner_id, const OrderInput& input);
  /// ProcessInOrder Create / CreateOrUpdate / Remove. Throws Poco::Exception on DB errors.
  ProcessResult ProcessInOrder(int goods_owner_id, const InOrderInput& input);
  /// The articles with these numbers (unknown numbers are skipped), ascending by system id.
  std::vector<Article> FindArticles(int goods_owner_id,
                                    const std::vector<std::string>& article_numbers);
  /// Orders matching `query`, ascending by order id, lines and parcels filled.
  std::vector<Order> QueryOrders(int goods_owner_id, const OrderQuery& query);
  /// In-orders matching `query`, ascending by in-order id, lines filled.
  std::vector<InOrder> QueryInOrders(int goods_owner_id, const InOrderQuery& query);
  /// Stock per article (every article, also those without stock), ascending by system id.
  std::vector<ArticleStock> QueryStock(int goods_owner_id, const StockQuery& query);
  /// Articles with inventory transactions matching `query`, ascending by system id.
  std::vector<ArticleChanges> QueryInventoryChanges(int goods_owner_id,
                                                    const InventoryChangesQuery& query);
  /// UpdateOrderLines: sets ReportedNumberOfItems of the named lines of one order, all or none.
  /// An unknown order or line, or a quantity that is not a decimal >= 0, refuses the whole call
  /// (success=false with a message), as Ongoing does. Throws Poco::Exception on DB errors.
  ProcessResult UpdateOrderLines(int goods_owner_id, const ReportedLinesInput& input);
  /// UpdateInOrderLines: the same for one in-order's lines.
  ProcessResult UpdateInOrderLines(int goods_owner_id, const ReportedLinesInput& input);
  /// Marks one inventory transaction reported. False if it does not exist for that article.
  bool SetInventoryChangeReported(int goods_owner_id, int article_system_id, int inventory_id);

  // --- The warehouse (CLI and tests); these act on DefaultGoodsOwner() ----------------------

  /// Picks and ships an order: each LineQuantity sets the absolute picked quantity of the line
  /// whose external line code (else article number) is line_key; no lines = every article line
  /// fully picked. Parcels are added (a label already there is not repeated); a non-empty
  /// waybill replaces the order's. Status must be >= 300 and not 1000. Stock of the order's
  /// warehouse (OutboundWarehouse; else the default) goes down by what is newly picked (with
  /// inventory transactions). From status 450 on the order has a shipped time: `shipped_time`
  /// (an xsd:dateTime) when given, else the first time it was shipped. Throws SimError for an
  /// unknown or cancelled order, an unknown line, a bad quantity or a shipped time that is not
  /// a time.
  void Ship(const std::string& order_number, const std::vector<LineQuantity>& lines = {},
            const std::vector<Parcel>& parcels = {}, OrderStatus status = OrderStatus::kSent,
            const Waybill& waybill = {}, const std::string& shipped_time = "");
  /// Sets the status of an order (default 300 Released) so that updates and cancelling are
  /// refused. Throws SimError for an unknown or cancelled order or a status below 300.
  void StartPicking(const std::string& order_number, OrderStatus status = OrderStatus::kReleased);
  /// Receives an in-order fully (no lines) or per line (absolute received quantities, keyed as
  /// in Ship); status becomes 400 when every line is received in full, else 300. Stock of the
  /// in-order's warehouse goes up. Throws SimError for an unknown/cancelled in-order or line.
  void Receive(const std::string& in_order_number, const std::vector<LineQuantity>& lines = {});
  /// Sets the stock of an article in a warehouse (id or code) and records the difference as an
  /// inventory transaction. Throws SimError for an unknown article/warehouse or bad quantity.
  void SetStock(const std::string& article_number, const std::string& warehouse,
                const std::string& qty);
  /// Adds `delta` (may be negative) to the stock and records it. Throws like SetStock.
  void AdjustStock(const std::string& article_number, const std::string& warehouse,
                   const std::string& delta);
  /// What the 3PL does for R17: gives an order a new number, freeing the old one.
  /// Throws SimError if the order is unknown or the new number is taken.
  void RenumberOrder(const std::string& order_number, const std::string& new_number);
  /// Same for an in-order. Throws SimError likewise.
  void RenumberInOrder(const std::string& order_number, const std::string& new_number);

  /// The order with that number, or nullopt. Throws SimError if the state has no goods owner.
  std::optional<Order> FindOrder(const std::string& order_number);
  /// The in-order with that number, or nullopt.
  std::optional<InOrder> FindInOrder(const std::string& order_number);
  /// The article with that number, or nullopt.
  std::optional<Article> FindArticle(const std::string& article_number);
  /// Every article, ascending by system id.
  std::vector<Article> Articles();
  /// Stock of every article (as GetInventoryByQuery sees it).
  std::vector<ArticleStock> Stock();
  /// Every inventory transaction, ascending by id.
  std::vector<InventoryTransaction> InventoryTransactions();

  // --- Call counters --------------------------------------------------------------------------

  /// Counts one received call (the server does this for every call, failed ones too).
  void CountCall(Operation operation);
  /// Calls received for one operation since the last ResetCalls().
  std::int64_t CallCount(Operation operation);
  /// Same, by WSDL name; 0 for an unknown name.
  std::int64_t CallCount(const std::string& operation_name);
  /// Every operation (WSDL order) with its count, zeros included.
  std::vector<std::pair<std::string, std::int64_t>> CallCounts();
  /// Sum of the write operations (Process*, Update*Lines, SetInventoryChangesToReported).
  std::int64_t TotalWriteCalls();
  /// Sets every counter to zero.
  void ResetCalls();

  // --- Wording -------------------------------------------------------------------------------

  /// How the simulated Ongoing words its refusals and faults from the next request on.
  void SetWording(Wording wording);
  /// The stored wording (standard until set).
  Wording CurrentWording();
  /// The phrases of the stored wording.
  Phrases CurrentPhrases() { return Phrases(CurrentWording()); }

  // --- Time form -----------------------------------------------------------------------------

  /// How the simulated Ongoing writes its times from the next request on.
  void SetTimeForm(TimeForm form);
  /// The stored form (UTC, whole seconds, until set).
  TimeForm CurrentTimeForm();

  // --- Faults --------------------------------------------------------------------------------

  /// Stores a fault; a running server applies it from its next request on. Returns its id.
  /// Throws SimError for a spec that makes no sense (times < 1, probability outside 0..1...).
  int AddFault(const FaultSpec& spec);
  /// Removes every fault.
  void ClearFaults();
  /// Stored faults with their counters, ascending by id.
  std::vector<FaultState> Faults();
  /// Decides, atomically, what happens to one call of `operation`: counts the match of every
  /// fault that applies, picks the first that fires and spends its `times`.
  FaultDecision DecideFault(Operation operation);

  // --- Rate limits (sim_rate_limits.h) -------------------------------------------------------

  /// Sets the limit of its operation and kind (replacing one set before); a running server
  /// applies it from its next request on. Throws SimError when max_calls or window_seconds is
  /// below 1.
  void SetRateLimit(const RateLimit& limit);
  /// Removes every limit and forgets the call history.
  void ClearRateLimits();
  /// The stored limits, by operation and kind.
  std::vector<RateLimit> RateLimits();
  /// How a call over a limit is answered from the next request on.
  void SetRateLimitAnswer(RateLimitAnswer answer);
  /// The stored answer (HTTP 429 until set).
  RateLimitAnswer CurrentRateLimitAnswer();

  /// What the limits say about one call.
  struct LimitDecision {
    std::optional<RateLimitHit> hit;  // set: the call is over a limit and is not run
    std::int64_t call_id = 0;         // an admitted call of a limited operation; 0: none logged
  };
  /// Decides, atomically, whether a call of `operation` from `client` is over one of its
  /// operation's limits; an admitted call of a limited operation is logged (a volume limit
  /// counts it, a failure limit waits for MarkCallFailed). Cheap when no limit is set.
  LimitDecision AdmitCall(Operation operation, const std::string& client);
  /// The logged call `call_id` failed (a fault or Success=false). Does nothing for id 0.
  void MarkCallFailed(std::int64_t call_id);

  // --- Webhooks (sim_webhooks.h) -------------------------------------------------------------

  /// Stores the webhook set-up (an empty base_url switches webhooks off: no event is recorded
  /// from then on). A running server's sender uses it from its next look on. Throws SimError for
  /// a retry scale or time-out below or at 0.
  void SetWebhookSettings(const WebhookSettings& settings);
  /// The stored set-up (no base URL until set). Holds the token: never print it.
  WebhookSettings CurrentWebhookSettings();
  /// Stores an injected webhook fault for the next `times` events recorded (at least 1).
  void AddWebhookFault(WebhookFaultKind kind, int times);
  /// Removes every webhook fault.
  void ClearWebhookFaults();
  /// The stored webhook faults with how many events each still applies to, in the order added.
  std::vector<std::pair<WebhookFaultKind, int>> WebhookFaults();
  /// Every recorded webhook event, ascending by event id.
  std::vector<WebhookEvent> WebhookEvents();
  /// The event the sender should post next at `now_ms`: the lowest event id that is WAITING or
  /// RETRYING, due, and not held back; nullopt if none.
  std::optional<WebhookEvent> NextDueWebhook(std::int64_t now_ms);
  /// Records one attempt of `event_id` that ended at `at_ms` with its answer: delivered, else a
  /// retry per the stored policy or GAVE_UP. An attempt releases the events held back before it.
  void RecordWebhookAttempt(std::int64_t event_id, bool delivered, const std::string& answer,
                            std::int64_t at_ms);

 private:
  std::mutex& WriteMutex(int goods_owner_id);
  void CreateSchema();
  int DefaultGoodsOwnerId(Poco::Data::Session& session);

  std::unique_ptr<SessionPool> pool_;
  std::mutex write_mutexes_guard_;
  std::map<int, std::unique_ptr<std::mutex>> write_mutexes_;
};

}  // namespace wmsbridge::sim
