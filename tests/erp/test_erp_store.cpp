// The product's own tables and the ERP session, on both backends (issue 3, R27, R29).
#define BOOST_TEST_MODULE erp_store
#include <boost/test/unit_test.hpp>

#include <Poco/Environment.h>

#include "stages/erp/erp_transaction.h"
#include "stages/erp/job_lock.h"
#include "stages/erp/migrator.h"
#include "stages/erp/run_store.h"
#include "tests/support/backend_test.h"
#include "tests/support/erp_backend.h"

using namespace wmsbridge;
using namespace Poco::Data::Keywords;

ERP_BACKEND_TEST(migrate_is_safe_to_run_again_and_records_each_version_once) {
  auto session = db.Open();  // the fixture already migrated once
  const erp::MigrationResult again = erp::Migrate(*session);
  BOOST_TEST(again.applied.empty());
  BOOST_TEST(again.version >= 2);
  BOOST_TEST(db.Count("SELECT * FROM wms_schema_version") == again.version);
  BOOST_TEST(db.Count("SELECT * FROM wms_document_status") == 0);
}

ERP_BACKEND_TEST(document_status_shows_untouched_articles_as_not_sent) {
  db.Exec(
      "INSERT INTO article (article_id, article_no, article_type, name, is_active) "
      "VALUES (1, 'N-1', 'STOCK', 'Ny', TRUE)");
  BOOST_TEST(db.Scalar("SELECT status FROM wms_document_status WHERE doc_no = 'N-1'") ==
             "NOT_SENT");
}

ERP_BACKEND_TEST(a_transaction_rolls_back_unless_committed) {
  auto session = db.Open();
  erp::RunStore runs(*session);
  {
    erp::ErpTransaction transaction(session->session());
    runs.Start("demo", "articles", "full");
  }  // no commit
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == 0);
  {
    erp::ErpTransaction transaction(session->session());
    runs.Start("demo", "articles", "full");
    transaction.Commit();
  }
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == 1);
  // Auto-commit is back on: a plain statement persists without a transaction.
  runs.Start("demo", "articles", "full");
  BOOST_TEST(db.Count("SELECT * FROM wms_run") == 2);
}

ERP_BACKEND_TEST(a_job_lock_left_by_a_dead_process_is_taken_over_R27) {
  auto session = db.Open();
  const std::string host = db.Scalar("SELECT 'x'") == "x" ? Poco::Environment::nodeName() : "";
  // A pid that cannot be alive (beyond pid_max).
  db.Exec(
      "INSERT INTO wms_job_lock (connection_name, job, host, pid, locked_at) VALUES "
      "('demo', 'articles', '" +
      host + "', 99999999, '2026-11-27 01:00:00')");
  BOOST_CHECK_NO_THROW(erp::JobLock lock(*session, "demo", "articles"));
  BOOST_TEST(db.Count("SELECT * FROM wms_job_lock") == 0);  // released again
  db.Exec(
      "INSERT INTO wms_job_lock (connection_name, job, host, pid, locked_at) VALUES "
      "('demo', 'articles', 'other-host', 1, '2026-11-27 01:00:00')");
  BOOST_CHECK_THROW(erp::JobLock lock(*session, "demo", "articles"), erp::JobAlreadyRunning);
}
