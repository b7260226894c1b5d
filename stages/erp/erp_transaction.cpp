#include "stages/erp/erp_transaction.h"

namespace wmsbridge::erp {

ErpTransaction::ErpTransaction(Poco::Data::Session& session) : session_(session) {
  session_.setFeature("autoCommit", false);
  try {
    session_.begin();
  } catch (...) {
    session_.setFeature("autoCommit", true);
    throw;
  }
}

ErpTransaction::~ErpTransaction() {
  if (done_)
    return;
  try {
    session_.rollback();
  } catch (...) {
  }
  try {
    session_.setFeature("autoCommit", true);
  } catch (...) {
  }
}

void ErpTransaction::Commit() {
  session_.commit();
  done_ = true;
  session_.setFeature("autoCommit", true);
}

}  // namespace wmsbridge::erp
