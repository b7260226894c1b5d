#include "jobs/order_document_job.h"

#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <set>

#include "jobs/job_environment.h"
#include "pipeline/runner.h"
#include "stages/customer_orders/order_sink.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::jobs {
namespace {

using Text = Poco::Nullable<std::string>;

struct SendRequest {
  std::string request_id;
  std::string doc_no;
};

std::vector<SendRequest> PendingRequests(erp::ErpDatabase& db, const std::string& doc_type_name,
                                         const std::string& connection) {
  std::vector<Poco::Tuple<std::string, std::string>> rows;
  std::string doc_type = doc_type_name, c = connection;
  db.session() << db.Query("select_pending_send_requests"), use(doc_type), use(c), into(rows), now;
  std::vector<SendRequest> out;
  for (const auto& r : rows)
    out.push_back({r.get<0>(), r.get<1>()});
  return out;
}

// Records on each request what became of its order in this run (R14, R29).
void FinishRequests(erp::ErpDatabase& db, const customer_orders::DocumentKind& kind,
                    const std::string& connection, const std::vector<SendRequest>& requests,
                    std::int64_t run_id) {
  for (const SendRequest& r : requests) {
    std::vector<Poco::Tuple<Text, Text, Text>> state;
    std::string c = connection, t = kind.doc_type, n = r.doc_no;
    db.session() << db.Query("select_document_state"), use(c), use(t), use(n), into(state), now;
    std::string outcome = "ERROR";
    std::string message = "no " + kind.noun + " " + r.doc_no +
                          " that this connection may send (unknown number, warehouse not "
                          "connected, or delivery date before the start date)";
    if (!state.empty() && !state[0].get<2>().isNull() &&
        state[0].get<2>().value() == std::to_string(run_id)) {
      outcome = state[0].get<0>().isNull() ? "ERROR" : state[0].get<0>().value();
      message = state[0].get<1>().isNull() ? "" : state[0].get<1>().value();
    } else if (!state.empty()) {
      outcome = state[0].get<0>().isNull() ? "ERROR" : state[0].get<0>().value();
      message = "unchanged since it was last sent";
    }
    std::string at = erp::NowText(), id = r.request_id;
    Poco::UTF16String text = erp::LongText(message);
    db.session() << db.Query("finish_send_request"), use(at), use(outcome), use(text), use(id), now;
  }
}

}  // namespace

JobResult RunOrderDocumentJob(const OrderDocumentJob& spec, const ConnectionConfig& connection,
                              const JobOptions& options, Poco::Logger& logger) {
  JobEnvironment env(connection, options, spec.job, logger);
  const std::vector<SendRequest> requests =
      options.only_doc_no ? std::vector<SendRequest>{}
                          : PendingRequests(env.db(), spec.kind.doc_type, connection.name);
  const bool automatic = spec.automatic != nullptr && connection.*spec.automatic;

  customer_orders::OrderSourceSettings settings;
  settings.connection_name = connection.name;
  settings.warehouses = connection.warehouses;
  settings.start_date = connection.start_date;
  settings.full = options.full;
  if (!options.full)
    settings.changed_since = env.Watermark();
  for (const auto& r : requests)
    settings.requested.insert(r.doc_no);
  if (options.only_doc_no) {
    settings.only_order_nos = {*options.only_doc_no};
    settings.removals = false;
  } else if (!automatic) {
    // Automatic export off (R12, R20) or manual-only documents (R23): what a person asked for,
    // and for manual-only documents the cancelling of deleted ones.
    for (const auto& r : requests)
      settings.only_order_nos.push_back(r.doc_no);
    settings.removals = spec.automatic == nullptr;
    if (settings.only_order_nos.empty() && !settings.removals) {
      return env.Finish(pipeline::RunStatus::kCompleted, {}, "");
    }
  }

  // Ongoing's transporter services are read once per run, and only if a document needs them.
  std::optional<std::set<std::string>> transporters;
  customer_orders::OrderRunState state;
  state.currencies = {connection.currencies.begin(), connection.currencies.end()};
  state.transporter_services = [&]() -> const std::set<std::string>& {
    if (!transporters) {
      transporters.emplace();
      for (const auto& contract : env.client().GetTransporterContracts()) {
        for (const auto& service : contract.services) {
          transporters->insert(contract.transporter_code + "/" + service.code);
        }
      }
    }
    return *transporters;
  };

  const auto source = spec.make_source(env.db(), settings);
  const auto transform = spec.make_transform(state);
  customer_orders::OrderSink sink(env.db(), env.client(),
                                  {connection.name, options.dry_run, spec.kind}, env.run_id());
  pipeline::RunStatus status;
  try {
    status = pipeline::RunPipeline(*source, *transform, sink, env.context(),
                                   static_cast<std::size_t>(connection.batch_size));
  } catch (const std::exception& e) {
    env.Fail(e);
    throw;
  }
  JobResult result = env.Finish(status, sink.fatal_wms_error(),
                                automatic && !options.only_doc_no ? source->max_updated_at() : "");
  const bool completed = status == pipeline::RunStatus::kCompleted ||
                         status == pipeline::RunStatus::kCompletedWithRejects;
  if (completed && !options.dry_run) {
    FinishRequests(env.db(), spec.kind, connection.name, requests, env.run_id());
  }
  return result;
}

}  // namespace wmsbridge::jobs
