#include "jobs/order_document_job.h"

#include "stages/erp/warehouse_store.h"

namespace wmsbridge::jobs {
namespace {

// R3: a connected warehouse the ERP does not have is a typo in the configuration (or an ERP
// change), not a warehouse with nothing to export: the run stops before any work.
void CheckConnectedWarehouses(const ConnectionConfig& connection, erp::ErpDatabase& db) {
  const std::vector<std::string> missing = erp::WarehouseStore(db).Missing(connection.warehouses);
  if (missing.empty())
    return;
  std::string list;
  for (const std::string& code : missing)
    list += (list.empty() ? "" : ", ") + code;
  throw ConfigError(connection.file.empty() ? "(configuration)" : connection.file,
                    "connection." + connection.name + ".warehouses",
                    "no warehouse with the code " + list +
                        " in the ERP (table warehouse); correct the code or remove it");
}

}  // namespace

OrderDocumentRun::OrderDocumentRun(std::string job, documents::DocumentKind kind,
                                   bool ConnectionConfig::*automatic,
                                   const ConnectionConfig& connection, const JobOptions& options,
                                   Poco::Logger& logger)
    : kind_(std::move(kind)),
      env_(connection, options, std::move(job), logger,
           [&connection](erp::ErpDatabase& db) { CheckConnectedWarehouses(connection, db); }),
      store_(env_.db()),
      requests_store_(env_.db()),
      automatic_(automatic != nullptr && connection.*automatic) {
  if (!options.only_doc_no)
    requests_ = requests_store_.Pending(kind_.doc_type, connection.name);
  settings_.connection_name = connection.name;
  settings_.warehouses = connection.warehouses;
  settings_.start_date = connection.start_date;
  settings_.full = options.full;
  if (options.reload_from) {
    // A reload (R28): every document updated from the date on (all without one) besides what
    // an incremental run reads; those are sent as if a person had asked for each.
    settings_.reload_from = options.reload_from;
    settings_.full = options.full || options.reload_from->empty();
    if (!settings_.full)
      settings_.changed_since = options.reload_from;
  } else if (!options.full) {
    settings_.changed_since = env_.Watermark();
  }
  for (const auto& r : requests_)
    settings_.requested.insert(r.doc_no);
  if (options.only_doc_no) {
    settings_.only_numbers = {*options.only_doc_no};
    settings_.removals = false;
  } else if (!automatic_) {
    // Automatic export off (R12, R20) or manual-only documents (R23): what a person asked for,
    // and for manual-only documents the cancelling of deleted ones.
    for (const auto& r : requests_)
      settings_.only_numbers.push_back(r.doc_no);
    settings_.removals = automatic == nullptr;
  }
}

bool OrderDocumentRun::NothingToDo() const {
  return !env_.options().only_doc_no && !automatic_ && settings_.only_numbers.empty() &&
         !settings_.removals;
}

JobResult OrderDocumentRun::FinishEmpty() {
  return env_.Finish(pipeline::RunStatus::kCompleted, {}, "");
}

JobResult OrderDocumentRun::Finish(JobResult result) {
  const bool completed = result.status == pipeline::RunStatus::kCompleted ||
                         result.status == pipeline::RunStatus::kCompletedWithRejects;
  if (!completed || env_.options().dry_run)
    return result;
  const std::string run = std::to_string(env_.run_id());
  for (const erp::SendRequestRow& r : requests_) {
    const auto state = requests_store_.State(env_.connection().name, kind_.doc_type, r.doc_no);
    std::string outcome = "ERROR";
    std::string message = "no " + kind_.noun + " " + r.doc_no +
                          " that this connection may send (unknown number, warehouse not "
                          "connected, or delivery date before the start date)";
    if (state) {
      outcome = state->status.empty() ? "ERROR" : state->status;
      message = state->last_run_id == run ? state->message : "unchanged since it was last sent";
    } else if (requests_store_.Retired(env_.connection().name, kind_.doc_type, r.doc_no)) {
      // Deleted in the ERP: its cancel, asked for again (R32), was taken by Ongoing.
      outcome = "CANCELLED";
      message = kind_.noun + " " + r.doc_no +
                " was deleted in the ERP: cancelled in Ongoing, its number retired";
    }
    requests_store_.Finish(r.request_id, outcome, message);
  }
  return result;
}

}  // namespace wmsbridge::jobs
