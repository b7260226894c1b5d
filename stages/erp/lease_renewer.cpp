#include "stages/erp/lease_renewer.h"

#include <optional>

namespace wmsbridge::erp {

LeaseRenewer::LeaseRenewer(std::string odbc_connection_string, std::string sql_dir,
                           LeaseHolder holder, LeaseTiming timing, std::function<void()> on_lost)
    : odbc_(std::move(odbc_connection_string)),
      sql_dir_(std::move(sql_dir)),
      holder_(std::move(holder)),
      timing_(timing),
      on_lost_(std::move(on_lost)) {
  thread_ = std::thread([this] { Loop(); });
}

LeaseRenewer::~LeaseRenewer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable())
    thread_.join();
}

void LeaseRenewer::Loop() {
  std::optional<ErpDatabase> db;
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, timing_.renew_every, [this] { return stopping_; })) {
    lock.unlock();
    bool lost = false;
    try {
      if (!db)
        db.emplace(odbc_, sql_dir_);
      lost = !RenewLease(*db, holder_, timing_.duration);
    } catch (...) {
      db.reset();  // the database was away: a new session at the next tick
    }
    if (lost) {
      on_lost_();
      return;
    }
    lock.lock();
  }
}

}  // namespace wmsbridge::erp
