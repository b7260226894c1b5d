#include "stages/erp/record_group.h"

#include <Poco/Data/DataException.h>

#include <utility>

#include "stages/erp/erp_transaction.h"

namespace wmsbridge::erp {

SyncStateStore& RecordTarget::Sync(const std::string& connection_name) {
  auto& store = syncs_[connection_name];
  if (!store)
    store = std::make_unique<SyncStateStore>(db_, connection_name);
  return *store;
}

RecordGroup::RecordGroup(ErpDatabase& db, RecordGroupLimits limits) : db_(db), limits_(limits) {
  if (limits_.max_records == 0)
    limits_.max_records = 1;
}

RecordGroup::~RecordGroup() {
  {
    std::unique_lock lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (writer_.joinable())
    writer_.join();  // finishes the commit in flight first
}

void RecordGroup::Write(RecordTarget& target, const Part& part) {
  try {
    ErpTransaction transaction(target.db().session());
    for (const auto& write : part.writes)
      write(target);
    transaction.Commit();
  } catch (const Poco::Exception& e) {
    const std::string which =
        part.writes.size() == 1 ? part.first_no : part.first_no + " to " + part.last_no;
    throw Poco::Data::DataException(
        "the ERP did not commit the records of " + std::to_string(part.writes.size()) +
        " document(s) (" + which +
        "): they are not recorded, so the next run sends them again (Ongoing treats that as "
        "an update): " +
        e.displayText());
  }
}

void RecordGroup::Add(const std::string& doc_no, RecordWrite write) {
  if (filling_.writes.empty()) {
    opened_ = std::chrono::steady_clock::now();
    filling_.first_no = doc_no;
  }
  filling_.last_no = doc_no;
  filling_.writes.push_back(std::move(write));
  if (!limits_.writer_thread) {
    if (filling_.writes.size() >= limits_.max_records)
      Commit();
    else
      CommitIfDue();
    return;
  }
  ThrowWriterFailure();
  // Half the bound: one half is committed while the other fills, so what a crash can lose
  // (the half in the writer's hands and the one filling) stays within the bound.
  const std::size_t half = (limits_.max_records + 1) / 2;
  if (filling_.writes.size() >= half) {
    WaitForWriter();
    HandOff();
  } else {
    CommitIfDue();
  }
}

void RecordGroup::CommitIfDue() {
  if (!limits_.writer_thread) {
    if (!filling_.writes.empty() && std::chrono::steady_clock::now() - opened_ >= limits_.max_age)
      Commit();
    return;
  }
  bool writer_free = false;
  {
    std::unique_lock lock(mutex_);
    writer_free = handed_count_ == 0;
  }
  ThrowWriterFailure();
  if (writer_free && !filling_.writes.empty() &&
      std::chrono::steady_clock::now() - opened_ >= limits_.max_age)
    HandOff();
}

void RecordGroup::Commit() {
  if (!limits_.writer_thread) {
    if (filling_.writes.empty())
      return;
    // Taken out first: a group that failed is never written again (its documents go next run).
    Part part = std::move(filling_);
    filling_ = Part{};
    if (!own_target_)
      own_target_.emplace(db_);
    Write(*own_target_, part);
    return;
  }
  WaitForWriter();
  if (filling_.writes.empty())
    return;
  HandOff();
  WaitForWriter();
}

void RecordGroup::CommitAfter(const std::function<void()>& batch) {
  try {
    batch();
  } catch (...) {
    // What Ongoing answered before the error is recorded (a failed group was dropped already).
    Commit();
    throw;
  }
  // The next page is read after this: it finds every outcome of this one recorded.
  Commit();
}

std::size_t RecordGroup::Pending() const {
  std::unique_lock lock(mutex_);
  return filling_.writes.size() + handed_count_;
}

void RecordGroup::HandOff() {
  if (filling_.writes.empty())
    return;
  if (!writer_.joinable()) {
    writer_db_ = db_.OpenAnother();
    writer_ = std::thread([this] { WriterLoop(); });
  }
  {
    std::unique_lock lock(mutex_);
    handed_count_ = filling_.writes.size();
    handed_ = std::move(filling_);
  }
  filling_ = Part{};
  changed_.notify_all();
}

void RecordGroup::WaitForWriter() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return handed_count_ == 0; });
  if (failure_)
    std::rethrow_exception(std::exchange(failure_, nullptr));
}

void RecordGroup::ThrowWriterFailure() {
  std::unique_lock lock(mutex_);
  if (failure_)
    std::rethrow_exception(std::exchange(failure_, nullptr));
}

void RecordGroup::WriterLoop() {
  RecordTarget target(*writer_db_);
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [this] { return stopping_ || handed_.has_value(); });
    if (!handed_)
      return;  // stopping, nothing in hand
    Part part = std::move(*handed_);
    lock.unlock();
    std::exception_ptr failure;
    try {
      Write(target, part);
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    handed_.reset();
    handed_count_ = 0;
    if (failure)
      failure_ = failure;
    changed_.notify_all();
  }
}

}  // namespace wmsbridge::erp
