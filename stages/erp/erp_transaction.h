#pragma once
// A write-back transaction that rolls back unless committed (RAII). Poco's ODBC session
// refuses begin() in auto-commit mode, so this switches auto-commit off for the transaction's
// lifetime and back on afterwards.

#include <Poco/Data/Session.h>

namespace wmsbridge::erp {

class ErpTransaction {
 public:
  /// Begins; throws Poco::Data::DataException when the driver refuses.
  explicit ErpTransaction(Poco::Data::Session& session);
  /// Rolls back unless Commit() ran; never throws.
  ~ErpTransaction();
  ErpTransaction(const ErpTransaction&) = delete;
  ErpTransaction& operator=(const ErpTransaction&) = delete;

  /// Commits; throws Poco::Data::DataException (the destructor then rolls back).
  void Commit();

 private:
  Poco::Data::Session& session_;
  bool done_ = false;
};

}  // namespace wmsbridge::erp
