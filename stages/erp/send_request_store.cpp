#include "stages/erp/send_request_store.h"
#include "pipeline/clock.h"

#include "stages/erp/run_store.h"

using namespace Poco::Data::Keywords;

namespace wmsbridge::erp {

std::vector<SendRequestRow> SendRequestStore::Pending(const std::string& doc_type,
                                                      const std::string& connection) {
  std::vector<SendRequestRow> rows;
  std::string t = doc_type, c = connection;
  db_.session() << db_.Query("select_pending_send_requests"), use(t), use(c), into(rows), now;
  return rows;
}

std::optional<DocumentStateRow> SendRequestStore::State(const std::string& connection,
                                                        const std::string& doc_type,
                                                        const std::string& doc_no) {
  std::vector<DocumentStateRow> rows;
  std::string c = connection, t = doc_type, n = doc_no;
  db_.session() << db_.Query("select_document_state"), use(c), use(t), use(n), into(rows), now;
  if (rows.empty())
    return std::nullopt;
  return rows.front();
}

void SendRequestStore::Finish(const std::string& request_id, const std::string& outcome,
                              const std::string& message) {
  std::string at = pipeline::UtcNowText(), o = outcome, id = request_id;
  Poco::UTF16String text = LongText(message);
  db_.session() << db_.Query("finish_send_request"), use(at), use(o), use(text), use(id), now;
}

bool SendRequestStore::Retired(const std::string& connection, const std::string& doc_type,
                               const std::string& doc_no) {
  std::string c = connection, t = doc_type, n = doc_no;
  std::vector<std::string> ids;
  db_.session() << db_.Query("select_retired_numbers"), use(c), use(t), use(n), into(ids), now;
  return !ids.empty();
}

}  // namespace wmsbridge::erp
