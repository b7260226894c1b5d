// wms-sim sends Ongoing's webhooks (issue 16 point 3, R34): on ship, receive and stock
// adjustments, with the contract's bodies and the X-Auth-Token header, one at a time in event
// order, retried per Ongoing's "one day" policy (time scaled down), or not at all ("none");
// injected faults lose, duplicate and reorder them. The simulator runs as a real process; the
// receiver is tests/support/webhook_receiver.h on 127.0.0.1.
#define BOOST_TEST_MODULE sim_webhooks
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Process.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/support/erp_backend.h"
#include "tests/support/secret_file.h"
#include "tests/support/sim_process.h"
#include "tests/support/webhook_receiver.h"
#include "tests/wms_sim/sim_config.h"
#include "tests/wms_sim/sim_webhooks.h"

namespace {

using namespace wmsbridge;
using namespace std::chrono_literals;
using sim::WebhookKind;
using sim::WebhookRetry;
using sim::WebhookState;
using test::ReceivedRequest;
using test::SimProcess;
using test::WebhookReceiver;

// A recognisable token, so that tests can prove it appears nowhere but in the header.
constexpr const char* kToken = "Tok-9f3c<&>\"hook'77";

Poco::JSON::Object::Ptr Json(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

std::int64_t EventId(const ReceivedRequest& request) {
  return Json(request.body)->getValue<Poco::Int64>("webhookEventId");
}

// The articles, an order of two lines and an in-order the tests ship and receive.
void Seed(sim::SimStore& store) {
  const int owner = test::kGoodsOwnerId;
  for (const char* number : {"A-1", "A-2"}) {
    sim::ArticleInput article;
    article.article_number = number;
    article.name = std::string("Article ") + number;
    BOOST_REQUIRE(store.ProcessArticle(owner, article).success);
  }
  for (const char* number : {"SO-1", "SO-2", "SO-3"}) {
    sim::OrderInput order;
    order.order_number = number;
    order.delivery_date = "2026-12-03";
    order.lines.push_back(
        {sim::LineIdentification::kExternalOrderLineCode, "1", "A-1", "", "2", "", "", false});
    order.lines.push_back(
        {sim::LineIdentification::kExternalOrderLineCode, "2", "A-2", "", "1", "", "", false});
    BOOST_REQUIRE(store.ProcessOrder(owner, order).success);
  }
  sim::InOrderInput in_order;
  in_order.order_number = "PO-1";
  in_order.lines.push_back(
      {sim::LineIdentification::kExternalOrderLineCode, "1", "A-1", "", "5", ""});
  BOOST_REQUIRE(store.ProcessInOrder(owner, in_order).success);
}

// A running simulator with data, sending to a receiver with `retry` and `minute_ms`.
struct Fixture {
  explicit Fixture(WebhookRetry retry = WebhookRetry::kOneDay, double minute_ms = 60000.0) {
    Seed(sim.store());
    Configure(retry, minute_ms);
  }
  void Configure(WebhookRetry retry, double minute_ms) {
    sim::WebhookSettings settings;
    settings.base_url = receiver.url();
    settings.token = kToken;
    settings.retry = retry;
    settings.minute_ms = minute_ms;
    settings.timeout_ms = 2000;
    sim.store().SetWebhookSettings(settings);
  }
  // The stored event `id`, once it is in `state` (waits up to `timeout`).
  sim::WebhookEvent AwaitState(std::int64_t id, WebhookState state,
                               std::chrono::milliseconds timeout = 10s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      for (const sim::WebhookEvent& event : sim.store().WebhookEvents()) {
        if (event.event_id == id &&
            (event.state == state || std::chrono::steady_clock::now() > deadline)) {
          return event;
        }
      }
      if (std::chrono::steady_clock::now() > deadline) {
        BOOST_FAIL("no webhook event " << id);
      }
      std::this_thread::sleep_for(10ms);
    }
  }
  std::vector<sim::WebhookEvent> Events() { return sim.store().WebhookEvents(); }

  WebhookReceiver receiver;
  SimProcess sim;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(policy)

BOOST_AUTO_TEST_CASE(one_day_retries_after_1_5_15_30_minutes_then_every_2_hours_R34) {
  const std::vector<int> expected = {1, 5, 15, 30, 120, 120, 120};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST(sim::RetryDelayMinutes(static_cast<int>(i + 1)) == expected[i]);
  }
  // Attempts at once when due, one policy minute = 1 ms: 0, 1, 6, 21, 51, 171, ... 1371;
  // the next would be 1491 > 1440 (24 h after the first): given up after 16 attempts.
  std::int64_t at = 0;
  int attempts = 1;
  std::vector<std::int64_t> times = {0};
  while (auto next = sim::NextAttemptMs(WebhookRetry::kOneDay, 1.0, attempts, 0, at)) {
    at = *next;
    times.push_back(at);
    ++attempts;
  }
  BOOST_TEST(attempts == 16);
  BOOST_TEST(times[1] == 1);
  BOOST_TEST(times[4] == 51);
  BOOST_TEST(times[5] == 171);
  BOOST_TEST(times.back() == 1371);
}

BOOST_AUTO_TEST_CASE(policy_none_never_retries_R34) {
  BOOST_TEST(!sim::NextAttemptMs(WebhookRetry::kNone, 1.0, 1, 0, 0).has_value());
}

// sim.ini [webhooks]: every setting read, the token from its file; bad values named by key,
// never showing the token.
BOOST_AUTO_TEST_CASE(sim_ini_webhooks_section_is_read_and_checked_R34) {
  const std::string dir = test::TempDir("hook-ini");
  test::WriteSecretFile(dir + "/pw", "pw");
  test::WriteSecretFile(dir + "/hook.token", kToken);
  const auto write = [&](const std::string& webhooks) {
    std::ofstream ini(dir + "/sim.ini");
    ini << "[goods_owner]\ncode = DEMO\nid = 42\nuser = u\npassword_file = pw\n[webhooks]\n"
        << webhooks;
  };
  write(
      "url = http://127.0.0.1:9   ; comment\ntoken_file = hook.token\nretry = none\n"
      "minute_ms = 2.5\ntimeout_ms = 300\n");
  const auto config = sim::LoadSimConfig(dir + "/sim.ini");
  BOOST_REQUIRE(config.webhooks.has_value());
  BOOST_TEST(config.webhooks->base_url == "http://127.0.0.1:9");
  BOOST_TEST(config.webhooks->token == kToken);
  BOOST_TEST(sim::WebhookRetryName(config.webhooks->retry) == "none");
  BOOST_TEST(config.webhooks->minute_ms == 2.5);
  BOOST_TEST(config.webhooks->timeout_ms == 300);
  write("");
  BOOST_TEST(!sim::LoadSimConfig(dir + "/sim.ini").webhooks.has_value());
  for (const auto& [text, key] : std::vector<std::pair<std::string, std::string>>{
           {"url = http://x\ntoken_file = hook.token\nretry = often\n", "webhooks.retry"},
           {"url = http://x\ntoken_file = hook.token\nminute_ms = 0\n", "webhooks.minute_ms"},
           {"url = http://x\n", "token_file"}}) {
    write(text);
    try {
      sim::LoadSimConfig(dir + "/sim.ini");
      BOOST_ERROR("accepted: " << text);
    } catch (const sim::SimConfigError& error) {
      BOOST_TEST(std::string(error.what()).find(key) != std::string::npos);
      BOOST_TEST(std::string(error.what()).find("Tok-9f3c") == std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(events)

BOOST_AUTO_TEST_CASE(ship_posts_one_orders_webhook_with_contract_fields_and_token_R34) {
  Fixture f;
  f.sim.store().Ship("SO-1", {}, {{"PKG-1", "https://t.example/PKG-1"}}, sim::OrderStatus::kSent,
                     {"WB-1", "https://t.example/WB-1"});
  BOOST_REQUIRE(f.receiver.WaitFor(1, 5s));
  std::this_thread::sleep_for(100ms);
  const auto requests = f.receiver.Requests();
  BOOST_REQUIRE_EQUAL(requests.size(), 1u);
  const ReceivedRequest& request = requests.front();
  BOOST_TEST(request.method == "POST");
  BOOST_TEST(request.path == "/ongoing/webhooks/orders");
  BOOST_TEST(request.Header("X-Auth-Token") == kToken);
  BOOST_TEST(request.Header("Content-Type") == "application/json; charset=utf-8");
  const auto body = Json(request.body);
  const auto order = f.sim.store().FindOrder("SO-1");
  BOOST_TEST(body->getValue<int>("goodsOwnerId") == test::kGoodsOwnerId);
  BOOST_TEST(body->getValue<int>("orderId") == order->order_id);
  BOOST_TEST(body->getValue<std::string>("orderNumber") == "SO-1");
  BOOST_TEST(body->getValue<std::string>("webhookTemplate") == "OrderPicked");
  BOOST_TEST(body->getObject("orderStatus")->getValue<int>("number") == 450);
  BOOST_TEST(body->getArray("tracking")->getObject(0)->getValue<std::string>("waybill") == "WB-1");
  BOOST_TEST(body->getArray("parcels")->getObject(0)->getValue<std::string>("parcelNumber") ==
             "PKG-1");
  BOOST_TEST(body->has("webhookOrdersId"));
  BOOST_TEST(body->getValue<std::string>("system") == "sim");
  BOOST_TEST(body->getValue<std::string>("timestamp").size() == 27u);  // .NET, 7 digits
  const auto event = f.AwaitState(EventId(request), WebhookState::kDelivered);
  BOOST_TEST(event.attempts == 1);
  BOOST_TEST(event.last_answer == "200");
  BOOST_TEST(event.document_number == "SO-1");
}

BOOST_AUTO_TEST_CASE(no_webhook_before_picked_status_R34) {
  Fixture f;
  f.sim.store().Ship("SO-1", {{"1", "1"}}, {}, sim::OrderStatus::kReleased);  // 300: picking
  std::this_thread::sleep_for(200ms);
  BOOST_TEST(f.receiver.Requests().empty());
  BOOST_TEST(f.Events().empty());
}

BOOST_AUTO_TEST_CASE(receive_posts_purchase_orders_and_stock_adjust_inventory_R34) {
  Fixture f;
  f.sim.store().Receive("PO-1");
  f.sim.store().AdjustStock("A-2", "MAIN", "-2");
  f.sim.store().SetStock("A-2", "NORTH", "7");
  BOOST_REQUIRE(f.receiver.WaitFor(3, 5s));
  const auto requests = f.receiver.Requests();
  BOOST_TEST(requests[0].path == "/ongoing/webhooks/purchase-orders");
  const auto po = Json(requests[0].body);
  BOOST_TEST(po->getValue<int>("purchaseOrderId") ==
             f.sim.store().FindInOrder("PO-1")->in_order_id);
  BOOST_TEST(po->getValue<std::string>("purchaseOrderNumber") == "PO-1");
  BOOST_TEST(po->getValue<int>("goodsOwnerId") == test::kGoodsOwnerId);
  BOOST_TEST(po->getValue<std::string>("webhookTemplate") == "PurchaseOrderReceived");
  BOOST_TEST(po->getObject("purchaseOrderStatus")->getValue<int>("number") == 400);
  BOOST_TEST(requests[1].path == "/ongoing/webhooks/inventory");
  const auto stock = Json(requests[1].body);
  const auto article = f.sim.store().FindArticle("A-2");
  BOOST_TEST(stock->getObject("article")->getValue<int>("articleSystemId") == article->system_id);
  BOOST_TEST(stock->getObject("article")->getValue<std::string>("articleNumber") == "A-2");
  BOOST_TEST(stock->getObject("transaction")->getValue<double>("transactionNumberOfItems") == -2.0);
  BOOST_TEST(stock->getObject("inventory")->getValue<int>("inventoryId") > 0);
  BOOST_TEST(stock->getValue<int>("goodsOwnerId") == test::kGoodsOwnerId);
  BOOST_TEST(Json(requests[2].body)
                 ->getObject("transaction")
                 ->getValue<double>("transactionNumberOfItems") == 7.0);
  // One event each, in event order, each id once.
  BOOST_TEST(EventId(requests[0]) < EventId(requests[1]));
  BOOST_TEST(EventId(requests[1]) < EventId(requests[2]));
  for (const auto& request : requests) {
    BOOST_TEST(request.Header("X-Auth-Token") == kToken);
  }
}

BOOST_AUTO_TEST_CASE(no_webhook_url_records_nothing_R34) {
  Fixture f;
  f.sim.store().SetWebhookSettings({});
  f.sim.store().Ship("SO-1");
  std::this_thread::sleep_for(200ms);
  BOOST_TEST(f.Events().empty());
  BOOST_TEST(f.receiver.Requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(delivery)

BOOST_AUTO_TEST_CASE(answer_500_then_200_resends_same_event_after_one_minute_R34) {
  Fixture f(WebhookRetry::kOneDay, 200.0);  // one policy minute = 200 ms
  f.receiver.Script({500});
  f.sim.store().Ship("SO-1");
  BOOST_REQUIRE(f.receiver.WaitFor(2, 5s));
  const auto requests = f.receiver.Requests();
  BOOST_TEST(requests[0].answered == 500);
  BOOST_TEST(requests[1].answered == 200);
  BOOST_TEST(EventId(requests[0]) == EventId(requests[1]));
  BOOST_TEST(requests[0].body == requests[1].body);
  const auto gap = requests[1].at_ms - requests[0].at_ms;
  BOOST_TEST(gap >= 190);  // one scaled minute, not at once
  BOOST_TEST(gap < 2000);
  const auto event = f.AwaitState(EventId(requests[0]), WebhookState::kDelivered);
  BOOST_TEST(event.attempts == 2);
}

BOOST_AUTO_TEST_CASE(retries_follow_1_5_15_30_minutes_then_2_hours_R34) {
  Fixture f(WebhookRetry::kOneDay, 10.0);  // one policy minute = 10 ms
  f.receiver.AnswerWith(500);
  f.sim.store().Ship("SO-1");
  BOOST_REQUIRE(f.receiver.WaitFor(6, 10s));
  const auto requests = f.receiver.Requests();
  const std::vector<int> minutes = {1, 5, 15, 30, 120};
  std::int64_t previous_gap = 0;
  for (std::size_t i = 0; i < minutes.size(); ++i) {
    BOOST_TEST_CONTEXT("retry " << i + 1) {
      BOOST_TEST(EventId(requests[i + 1]) == EventId(requests[0]));
      const std::int64_t gap = requests[i + 1].at_ms - requests[i].at_ms;
      BOOST_TEST(gap >= minutes[i] * 10 - 2);
      BOOST_TEST(gap < minutes[i] * 10 + 1000);  // loose: the sender polls, machines are busy
      BOOST_TEST(gap > previous_gap);
      previous_gap = gap;
    }
  }
  const auto event = f.Events().front();
  BOOST_TEST(sim::WebhookStateName(event.state) == "RETRYING");
  BOOST_TEST(event.last_answer == "500");
}

BOOST_AUTO_TEST_CASE(after_24_scaled_hours_gave_up_R34) {
  Fixture f(WebhookRetry::kOneDay, 1.0);  // a policy day = 1.44 s
  f.receiver.AnswerWith(500);
  f.sim.store().Ship("SO-1");
  BOOST_REQUIRE(f.receiver.WaitFor(1, 5s));
  const auto id = EventId(f.receiver.Requests().front());
  const auto event = f.AwaitState(id, WebhookState::kGaveUp, 20s);
  BOOST_TEST(sim::WebhookStateName(event.state) == "GAVE_UP");
  const auto requests = f.receiver.Requests();
  // 16 attempts at most (fewer when the sender's polling stretches the gaps), the last one
  // within 24 scaled hours of the first.
  BOOST_TEST(requests.size() >= 10u);
  BOOST_TEST(requests.size() <= 16u);
  BOOST_TEST(event.attempts == static_cast<int>(requests.size()));
  BOOST_TEST(requests.back().at_ms - requests.front().at_ms <= 1440 + 300);
  std::this_thread::sleep_for(300ms);
  BOOST_TEST(f.receiver.Requests().size() == requests.size());  // nothing after giving up
}

BOOST_AUTO_TEST_CASE(policy_none_gives_up_after_one_attempt_R34) {
  Fixture f(WebhookRetry::kNone, 10.0);
  f.receiver.AnswerWith(500);
  f.sim.store().Ship("SO-1");
  BOOST_REQUIRE(f.receiver.WaitFor(1, 5s));
  const auto event = f.AwaitState(EventId(f.receiver.Requests().front()), WebhookState::kGaveUp);
  BOOST_TEST(event.attempts == 1);
  std::this_thread::sleep_for(300ms);  // 30 scaled minutes
  BOOST_TEST(f.receiver.Requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_waiting_retry_does_not_block_later_events_R34) {
  Fixture f(WebhookRetry::kOneDay, 500.0);
  f.receiver.Script({500});
  f.sim.store().Ship("SO-1");
  BOOST_REQUIRE(f.receiver.WaitFor(1, 5s));
  f.sim.store().Ship("SO-2");
  BOOST_REQUIRE(f.receiver.WaitFor(3, 5s));
  const auto requests = f.receiver.Requests();
  const auto first = EventId(requests[0]);
  BOOST_TEST(EventId(requests[1]) > first);   // the later event went while the first waited
  BOOST_TEST(EventId(requests[2]) == first);  // then the retry: the receiver saw them reordered
  BOOST_TEST(requests[2].answered == 200);
}

BOOST_AUTO_TEST_CASE(receiver_down_is_a_failed_attempt_then_delivered_R34) {
  Fixture f(WebhookRetry::kOneDay, 100.0);
  f.receiver.Down();
  f.sim.store().AdjustStock("A-1", "", "3");
  const auto id = f.Events().front().event_id;
  const auto failed = f.AwaitState(id, WebhookState::kRetrying);
  BOOST_TEST(failed.last_answer == "connection refused");
  f.receiver.Up();
  const auto event = f.AwaitState(id, WebhookState::kDelivered);
  BOOST_TEST(event.attempts >= 2);
  BOOST_REQUIRE(!f.receiver.Requests().empty());
  BOOST_TEST(EventId(f.receiver.Requests().front()) == id);
}

BOOST_AUTO_TEST_CASE(https_url_trusts_the_configured_ca_only_R34) {
  const std::string dir = test::TempDir("hook-tls");
  const auto certificates = test::MakeTestCertificates(dir);
  WebhookReceiver receiver(certificates.loopback);
  SimProcess sim;
  Seed(sim.store());
  sim::WebhookSettings settings;
  settings.base_url = receiver.url();
  settings.token = kToken;
  settings.minute_ms = 100;
  settings.timeout_ms = 2000;
  sim.store().SetWebhookSettings(settings);  // the system's CAs do not know the test CA
  sim.store().Ship("SO-1");
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (sim.store().WebhookEvents().front().attempts == 0 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  const auto refused = sim.store().WebhookEvents().front();
  BOOST_TEST(sim::WebhookStateName(refused.state) == "RETRYING");
  BOOST_TEST(receiver.Requests().empty());
  settings.ca_file = certificates.ca_cert;
  sim.store().SetWebhookSettings(settings);
  BOOST_REQUIRE(receiver.WaitFor(1, 10s));
  BOOST_TEST(receiver.Requests().front().Header("X-Auth-Token") == kToken);
  BOOST_TEST(EventId(receiver.Requests().front()) == refused.event_id);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(faults)

BOOST_AUTO_TEST_CASE(drop_loses_the_next_webhooks_for_good_R34) {
  Fixture f(WebhookRetry::kOneDay, 10.0);
  BOOST_TEST(f.sim.Cli({"webhook-fault", "--kind", "drop", "--times", "2"}) == 0);
  f.sim.store().Ship("SO-1");
  f.sim.store().Ship("SO-2");
  f.sim.store().Ship("SO-3");
  BOOST_REQUIRE(f.receiver.WaitFor(1, 5s));
  std::this_thread::sleep_for(300ms);
  const auto requests = f.receiver.Requests();
  BOOST_REQUIRE_EQUAL(requests.size(), 1u);
  BOOST_TEST(Json(requests[0].body)->getValue<std::string>("orderNumber") == "SO-3");
  const auto events = f.Events();
  BOOST_TEST(sim::WebhookStateName(events[0].state) == "DROPPED");
  BOOST_TEST(sim::WebhookStateName(events[1].state) == "DROPPED");
  BOOST_TEST(events[0].attempts == 0);
  BOOST_TEST(f.sim.store().WebhookFaults().empty());  // spent
}

BOOST_AUTO_TEST_CASE(duplicate_posts_the_same_event_twice_R34) {
  Fixture f;
  f.sim.store().AddWebhookFault(sim::WebhookFaultKind::kDuplicate, 1);
  f.sim.store().Ship("SO-1");
  f.sim.store().Ship("SO-2");
  BOOST_REQUIRE(f.receiver.WaitFor(3, 5s));
  std::this_thread::sleep_for(200ms);
  const auto requests = f.receiver.Requests();
  BOOST_REQUIRE_EQUAL(requests.size(), 3u);
  BOOST_TEST(EventId(requests[0]) == EventId(requests[1]));
  BOOST_TEST(requests[0].body == requests[1].body);
  BOOST_TEST(EventId(requests[2]) > EventId(requests[0]));
}

BOOST_AUTO_TEST_CASE(reorder_sends_the_held_event_after_the_next_R34) {
  Fixture f;
  f.sim.store().AddWebhookFault(sim::WebhookFaultKind::kReorder, 1);
  f.sim.store().Ship("SO-1");
  std::this_thread::sleep_for(150ms);
  BOOST_TEST(f.receiver.Requests().empty());  // held back
  f.sim.store().Ship("SO-2");
  BOOST_REQUIRE(f.receiver.WaitFor(2, 5s));
  const auto requests = f.receiver.Requests();
  BOOST_TEST(Json(requests[0].body)->getValue<std::string>("orderNumber") == "SO-2");
  BOOST_TEST(Json(requests[1].body)->getValue<std::string>("orderNumber") == "SO-1");
  BOOST_TEST(EventId(requests[1]) < EventId(requests[0]));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(command_line)

// The set-up a test of wmsbridge's receiver uses: `serve --webhook-*` options, the token in a
// file. Events recorded while the server is down survive and go when it starts; the token is in
// the header and nowhere in the simulator's output or log.
BOOST_AUTO_TEST_CASE(serve_options_outbox_survives_restart_token_never_printed_R34) {
  WebhookReceiver receiver;
  SimProcess sim;
  Seed(sim.store());
  sim.Stop();
  const std::string dir = sim.dir();
  test::WriteSecretFile(dir + "/hook.token", kToken);
  const std::string sh_line = "exec '" + test::SimBinary() + "' serve --state '" +
                              sim.state_path() + "' --port 0 --port-file '" + dir +
                              "/p2' --webhook-url " + receiver.url() + " --webhook-token-file '" +
                              dir + "/hook.token' --webhook-retry one_day " +
                              "--webhook-minute-ms 100 --webhook-timeout-ms 2000 > '" + dir +
                              "/serve.out' 2> '" + dir + "/serve.log'";
  // Recorded while no server runs: stays WAITING in the state's outbox. The first serve stores
  // the settings, so the event is recorded (a webhook is configured) before the sender runs.
  {
    auto handle = Poco::Process::launch("/bin/sh", {"-c", sh_line});
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!std::filesystem::exists(dir + "/p2") && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(20ms);
    }
    Poco::Process::requestTermination(handle.id());
    handle.wait();
  }
  const std::string cli_out = dir + "/cli.out";
  const auto cli = [&](const std::string& args) {
    const std::string line = "'" + test::SimBinary() + "' " + args + " --state '" +
                             sim.state_path() + "' >> '" + cli_out + "' 2>&1";
    return Poco::Process::launch("/bin/sh", {"-c", line}).wait();
  };
  BOOST_TEST(cli("ship --order SO-1 --parcel P1=https://t.example/P1") == 0);
  BOOST_TEST(cli("webhooks") == 0);
  BOOST_REQUIRE_EQUAL(sim.store().WebhookEvents().size(), 1u);
  BOOST_TEST(sim::WebhookStateName(sim.store().WebhookEvents()[0].state) == "WAITING");
  BOOST_TEST(receiver.Requests().empty());

  auto handle = Poco::Process::launch("/bin/sh", {"-c", sh_line});
  BOOST_TEST(receiver.WaitFor(1, 10s));
  BOOST_TEST(cli("webhooks") == 0);
  BOOST_TEST(cli("webhooks --settings") == 0);
  BOOST_TEST(cli("show webhooks") == 0);
  Poco::Process::requestTermination(handle.id());
  handle.wait();

  const auto requests = receiver.Requests();
  BOOST_REQUIRE_EQUAL(requests.size(), 1u);
  BOOST_TEST(requests[0].Header("X-Auth-Token") == kToken);
  BOOST_TEST(requests[0].path == "/ongoing/webhooks/orders");
  const std::string output = ReadAll(cli_out);
  BOOST_TEST(output.find("state=WAITING") != std::string::npos);
  BOOST_TEST(output.find("state=DELIVERED") != std::string::npos);
  BOOST_TEST(output.find("token=set") != std::string::npos);
  BOOST_TEST(output.find("minute_ms=100") != std::string::npos);
  const std::string log = ReadAll(dir + "/serve.log") + ReadAll(dir + "/serve.out");
  BOOST_TEST(log.find("webhook orders event") != std::string::npos);
  for (const std::string& text : {output, log}) {
    BOOST_TEST(text.find("Tok-9f3c") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(webhook_fault_command_lists_and_clears_R34) {
  SimProcess sim;
  BOOST_TEST(sim.Cli({"webhook-fault", "--kind", "reorder"}) == 0);
  BOOST_TEST(sim.Cli({"webhook-fault", "--kind", "lost"}) == 64);
  BOOST_TEST(sim.store().WebhookFaults().size() == 1u);
  BOOST_TEST(sim.Cli({"webhook-fault", "--clear"}) == 0);
  BOOST_TEST(sim.store().WebhookFaults().empty());
  BOOST_TEST(sim.Cli({"serve", "--webhook-url", "http://127.0.0.1:9"}) == 64);  // no token
}

BOOST_AUTO_TEST_SUITE_END()
