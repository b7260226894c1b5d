#include "stages/erp/record_group.h"

#include <Poco/Data/DataException.h>

#include <utility>

#include "stages/erp/erp_transaction.h"

namespace wmsbridge::erp {

void RecordGroup::Add(const std::string& doc_no, std::function<void()> write) {
  if (writes_.empty()) {
    opened_ = std::chrono::steady_clock::now();
    first_no_ = doc_no;
  }
  last_no_ = doc_no;
  writes_.push_back(std::move(write));
  if (writes_.size() >= limits_.max_records)
    Commit();
  else
    CommitIfDue();
}

void RecordGroup::CommitIfDue() {
  if (!writes_.empty() && std::chrono::steady_clock::now() - opened_ >= limits_.max_age)
    Commit();
}

void RecordGroup::Commit() {
  if (writes_.empty())
    return;
  // Taken out first: a group that failed is never written again (its documents go next run).
  std::vector<std::function<void()>> writes = std::move(writes_);
  writes_.clear();
  try {
    ErpTransaction transaction(db_.session());
    for (const auto& write : writes)
      write();
    transaction.Commit();
  } catch (const Poco::Exception& e) {
    const std::string which = writes.size() == 1 ? first_no_ : first_no_ + " to " + last_no_;
    throw Poco::Data::DataException(
        "the ERP did not commit the records of " + std::to_string(writes.size()) +
        " document(s) (" + which +
        "): they are not recorded, so the next run sends them again (Ongoing treats that as "
        "an update): " +
        e.displayText());
  }
}

}  // namespace wmsbridge::erp
