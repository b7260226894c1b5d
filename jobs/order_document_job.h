#pragma once
// One job shape for the order documents (customer orders R12-R17, purchase orders R20-R21,
// internal orders R23-R24): the pending send requests, the automatic switch, the shared sink,
// and the outcome of each send request written back (R14, R29). A kind's job (order_jobs.cpp)
// opens an OrderDocumentRun, builds its source and transform from Settings(), and calls Run.

#include <Poco/Logger.h>

#include <optional>
#include <string>
#include <vector>

#include "jobs/connection_config.h"
#include "jobs/job_environment.h"
#include "jobs/job_options.h"
#include "stages/documents/document_sink.h"
#include "stages/documents/document_source.h"
#include "stages/erp/document_store.h"
#include "stages/erp/send_request_store.h"

namespace wmsbridge::jobs {

class OrderDocumentRun {
 public:
  /// Opens the run (JobEnvironment: lock, run row, logon check) and reads the pending send
  /// requests. `automatic` is the kind's switch (R2); nullptr: manual only (R23). Throws what
  /// JobEnvironment throws and Poco::Exception when the ERP database fails.
  OrderDocumentRun(std::string job, documents::DocumentKind kind, bool ConnectionConfig::*automatic,
                   const ConnectionConfig& connection, const JobOptions& options,
                   Poco::Logger& logger);

  JobEnvironment& env() { return env_; }
  erp::DocumentStore& store() { return store_; }
  /// What the source reads: with the switch on, every new, changed, cancelled or deleted
  /// document and the pending requests; off (or manual only), the pending requests and the
  /// removal of deleted documents; with options.only_doc_no, that document only.
  const documents::DocumentSourceSettings& Settings() const { return settings_; }
  /// True when there is nothing to read at all (switch off, no request, no removals).
  bool NothingToDo() const;

  /// Runs source -> transform -> the shared sink, closes the run, and (after a completed run)
  /// writes what became of each send request. Throws what JobEnvironment::Run throws.
  template <typename Row>
  JobResult Run(documents::DocumentSource<Row>& source,
                pipeline::Transform<Row, documents::DocumentWork>& transform) {
    documents::DocumentSink sink(env_.db(), env_.client(),
                                 {env_.connection().name,
                                  env_.options().dry_run,
                                  kind_,
                                  env_.options().dry_run_out,
                                  env_.ShowXml(),
                                  {static_cast<std::size_t>(env_.connection().commit_group_size),
                                   env_.connection().commit_group_ms}},
                                 env_.run_id());
    return Finish(env_.Run(source, transform, sink, [&] { return Watermark(source); }));
  }

  /// Closes a run that had nothing to do.
  JobResult FinishEmpty();

 private:
  template <typename Row>
  std::string Watermark(const documents::DocumentSource<Row>& source) const {
    return automatic_ && !env_.options().only_doc_no ? source.max_updated_at() : "";
  }
  /// Records on each request what became of its document in this run (R14, R29).
  JobResult Finish(JobResult result);

  documents::DocumentKind kind_;
  JobEnvironment env_;
  erp::DocumentStore store_;
  erp::SendRequestStore requests_store_;
  std::vector<erp::SendRequestRow> requests_;
  bool automatic_ = false;
  documents::DocumentSourceSettings settings_;
};

}  // namespace wmsbridge::jobs
