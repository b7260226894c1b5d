// The product's own tables and the ERP session, on both backends (issue 3, R27, R29).
#define BOOST_TEST_MODULE erp_store
#include <boost/test/unit_test.hpp>

#include <Poco/Data/DataException.h>
#include <Poco/Environment.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "stages/erp/article_store.h"
#include "stages/erp/erp_transaction.h"
#include "stages/erp/job_lock.h"
#include "stages/erp/migrator.h"
#include "stages/erp/run_store.h"
#include "stages/erp/sync_state_store.h"

#include <filesystem>
#include <iterator>
#include "tests/support/backend_test.h"
#include "tests/support/erp_backend.h"

using namespace wmsbridge;
using namespace Poco::Data::Keywords;

namespace {

// The migration files of the session's dialect, by number.
std::map<int, std::string> MigrationFiles(const erp::ErpDatabase& session) {
  std::map<int, std::string> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(session.sql_dir()) /
                                           erp::ToString(session.dialect()) / "migrations")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".sql")
      files[std::stoi(name.substr(0, name.find('_')))] = name;
  }
  return files;
}

void WriteMigration(const erp::ErpDatabase& session, int version, const std::string& sql) {
  char name[32];
  std::snprintf(name, sizeof name, "%03d_test.sql", version);
  std::ofstream(std::filesystem::path(session.sql_dir()) / erp::ToString(session.dialect()) /
                "migrations" / name)
      << sql << "\n";
}

}  // namespace

ERP_BACKEND_TEST(migrate_is_safe_to_run_again_and_records_each_version_once) {
  auto session = db.Open();  // the fixture already migrated once
  const erp::MigrationResult again = erp::Migrate(*session);
  BOOST_TEST(again.applied.empty());
  const auto files = MigrationFiles(*session);
  BOOST_TEST(again.version == files.rbegin()->first);
  // Numbers need not be consecutive (branches take theirs), only unique: one row per file.
  BOOST_TEST(db.Count("SELECT * FROM wms_schema_version") == static_cast<long>(files.size()));
  BOOST_TEST(db.Count("SELECT * FROM wms_document_status") == 0);
}

// Migration 007 (R32's refused_payload_hash) arrives after main's 008 and 009: a database
// migrated without it (001-006, 008, 009) gets exactly 007, once, and keeps its rows.
ERP_BACKEND_TEST(a_database_without_migration_7_gets_it_exactly_once_R32) {
  db.Exec("DELETE FROM wms_schema_version WHERE version = 7");
  db.Exec("ALTER TABLE wms_sync_state DROP COLUMN refused_payload_hash");
  db.Exec(
      "INSERT INTO wms_sync_state (connection_name, doc_type, doc_no, status, last_attempt_at) "
      "VALUES ('demo', 'customer_order', 'SO-1', 'ERROR', '2026-12-01 10:00:00')");
  auto session = db.Open();
  const erp::MigrationResult upgraded = erp::Migrate(*session);
  BOOST_TEST(upgraded.applied == std::vector<std::string>{"007_refused_payload.sql"});
  BOOST_TEST(erp::Migrate(*session).applied.empty(), "applied once");
  BOOST_TEST(db.Count("SELECT * FROM wms_schema_version WHERE version = 7") == 1);
  BOOST_TEST(db.Count("SELECT * FROM wms_sync_state WHERE doc_no = 'SO-1' AND status = 'ERROR' "
                      "AND refused_payload_hash IS NULL") == 1);
}

ERP_BACKEND_TEST(a_migration_numbered_below_the_highest_applied_one_is_still_applied) {
  // A copy of sql/ with two more migrations: the higher one is applied first, as when branches
  // are merged in another order than they were numbered.
  const std::string sql_dir = test::TempDir("migrations") + "/sql";
  std::filesystem::copy(test::SqlDir(), sql_dir, std::filesystem::copy_options::recursive);
  erp::ErpDatabase session(db.ConnectionString(), sql_dir);
  const int highest = MigrationFiles(session).rbegin()->first;
  WriteMigration(session, highest + 2, "CREATE TABLE wms_test_later (x INTEGER);");
  BOOST_TEST(erp::Migrate(session).version == highest + 2);
  WriteMigration(session, highest + 1, "CREATE TABLE wms_test_earlier (x INTEGER);");
  const erp::MigrationResult result = erp::Migrate(session);
  BOOST_TEST(result.applied.size() == 1u);
  BOOST_TEST(result.version == highest + 2);
  BOOST_TEST(db.Count("SELECT * FROM wms_test_earlier") == 0);  // the table exists
  BOOST_TEST(db.Count("SELECT * FROM wms_schema_version") ==
             static_cast<long>(MigrationFiles(session).size()));
  // Two files with one number: an error, not one of them silently left out.
  std::ofstream(std::filesystem::path(sql_dir) / erp::ToString(session.dialect()) / "migrations" /
                "001_again.sql")
      << "SELECT 1;\n";
  BOOST_CHECK_THROW(erp::Migrate(session), Poco::Data::DataException);
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
  // A pid that cannot be alive (beyond pid_max): taken over although its lease runs on.
  db.Exec(
      "INSERT INTO wms_job_lock (connection_name, job, host, pid, locked_at, expires_at) VALUES "
      "('demo', 'articles', '" +
      host + "', 99999999, '2026-11-27 01:00:00', '2999-01-01 00:00:00')");
  BOOST_CHECK_NO_THROW(erp::JobLock lock(*session, "demo", "articles"));
  BOOST_TEST(db.Count("SELECT * FROM wms_job_lock") == 0);  // released again
  // Another host's live lease refuses the run (issue 13: a lease, no longer a lock for ever).
  db.Exec(
      "INSERT INTO wms_job_lock (connection_name, job, host, pid, locked_at, expires_at) VALUES "
      "('demo', 'articles', 'other-host', 1, '2026-11-27 01:00:00', '2999-01-01 00:00:00')");
  BOOST_CHECK_EXCEPTION(erp::JobLock lock(*session, "demo", "articles"), erp::JobAlreadyRunning,
                        [](const erp::JobAlreadyRunning& e) {
                          return std::string(e.what()).find(
                                     "(host other-host, pid 1, since 2026-11-27 01:00:00, "
                                     "lease until 2999-01-01 00:00:00)") != std::string::npos;
                        });
  // Once expired, it is taken over from any host.
  db.Exec("UPDATE wms_job_lock SET expires_at = '2026-11-27 01:05:00'");
  BOOST_CHECK_NO_THROW(erp::JobLock lock(*session, "demo", "articles"));
  // A lock from before leases (no expiry) counts as expired.
  db.Exec(
      "INSERT INTO wms_job_lock (connection_name, job, host, pid, locked_at) VALUES "
      "('demo', 'articles', 'other-host', 1, '2026-11-27 01:00:00')");
  BOOST_CHECK_NO_THROW(erp::JobLock lock(*session, "demo", "articles"));
}

ERP_BACKEND_TEST(the_latest_runs_read_by_name_newest_first_R29) {
  auto session = db.Open();
  erp::RunStore runs(*session);
  const auto first = runs.Start("demo", "articles", "full");
  runs.Finish(first, {"COMPLETED", 3, 2, 1, 0, 4, "fine"});
  const auto second = runs.Start("demo", "deliveries", "incremental");
  const auto recent = runs.Recent(5);
  BOOST_TEST_REQUIRE(recent.size() == 2u);
  BOOST_TEST(recent[0].run_id == std::to_string(second));
  BOOST_TEST(recent[0].job == "deliveries");
  BOOST_TEST(recent[0].mode == "incremental");
  BOOST_TEST(recent[0].finished_at == "", "a running run has not finished");
  BOOST_TEST(recent[1].connection_name == "demo");
  BOOST_TEST(recent[1].status == "COMPLETED");
  BOOST_TEST(recent[1].sent == "3");
  BOOST_TEST(recent[1].unchanged == "2");
  BOOST_TEST(recent[1].rejected == "1");
  BOOST_TEST(recent[1].failed == "0");
  BOOST_TEST(recent[1].skipped == "4");
  BOOST_TEST(recent[1].message == "fine");
  BOOST_TEST(runs.Recent(1).size() == 1u);
}

// Poco reads at most 1023 bytes of a text by default (and a psqlODBC text at most 8190, a SQLite
// expression 255): every text the extract queries give is read whole, whatever its length,
// byte for byte, through Poco's pieces of 1 KiB (issue 11 point 5).
ERP_BACKEND_TEST(texts_of_any_length_are_read_whole_byte_for_byte) {
  std::vector<std::string> names;
  for (const std::size_t length : {1u, 1022u, 1023u, 1024u, 1025u, 2047u, 2049u, 10000u, 300000u}) {
    for (const std::string unit : {"x", "\xC3\x96", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"}) {
      std::string name;
      while (name.size() < length)
        name += name.size() % 97 == 0 ? std::string("Z") : unit;
      names.push_back(name);
    }
  }
  {
    auto session = db.Open();
    for (std::size_t i = 0; i < names.size(); ++i) {
      int id = static_cast<int>(i) + 1;
      std::string no = "L-" + std::to_string(id);
      Poco::UTF16String name = erp::LongText(names[i]);
      session->session() << "INSERT INTO article (article_id, article_no, article_type, name, "
                            "is_active, updated_at) VALUES (?, ?, 'STOCK', ?, TRUE, "
                            "'2026-11-20 10:00:00')",
          use(id), use(no), use(name), now;
    }
  }
  auto session = db.Open();
  const std::vector<erp::ArticleRow> rows =
      erp::ArticleStore(*session).Page("demo", 0, true, std::nullopt, names.size() + 1);
  BOOST_REQUIRE_EQUAL(rows.size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    BOOST_TEST_CONTEXT("text of " << names[i].size() << " bytes") {
      BOOST_TEST(rows[i].name.size() == names[i].size());
      BOOST_TEST((rows[i].name == names[i]));
    }
  }
}

// Prepared statements reused (issue 15 point 3): the hot write statements and the extract page
// are prepared once and re-executed with new values; a re-execution carries nothing of the
// previous document (a NULL stays NULL after a value) and each page is its own.
ERP_BACKEND_TEST(a_reused_statement_carries_no_value_of_the_previous_document_issue_15) {
  auto session = db.Open();
  erp::RunStore runs(*session);
  erp::SyncStateStore sync(*session, "demo");
  const auto run = runs.Start("demo", "articles", "full");
  sync.MarkAccepted({"article", "A-1", "1", 11, "h1", erp::DocStatus::kSent, "a warning"}, run);
  sync.MarkAccepted({"article", "A-2", "2", 12, "h2", erp::DocStatus::kSent, std::nullopt}, run);
  runs.Record(run, "article", "A-1", "sent", "first");
  runs.Record(run, "article", "A-2", "rejected", "second");
  BOOST_TEST(db.Scalar("SELECT message FROM wms_sync_state WHERE doc_no = 'A-1'") == "a warning");
  BOOST_TEST(db.Count("SELECT * FROM wms_sync_state WHERE doc_no = 'A-2' AND message IS NULL AND "
                      "wms_id = 12 AND payload_hash = 'h2'") == 1);
  BOOST_TEST(db.Count("SELECT * FROM wms_run_record WHERE doc_no = 'A-2' AND outcome = "
                      "'rejected'") == 1);
  BOOST_TEST(db.Count("SELECT * FROM wms_run_record WHERE doc_no = 'A-1' AND outcome = "
                      "'sent'") == 1);

  for (int id = 1; id <= 5; ++id) {
    db.Exec("INSERT INTO article (article_id, article_no, article_type, name, is_active) VALUES (" +
            std::to_string(id) + ", 'P-" + std::to_string(id) + "', 'STOCK', 'Page', TRUE)");
  }
  erp::ArticleStore store(*session);
  std::vector<std::string> seen;
  std::int64_t after = 0;
  for (int page = 0; page < 4; ++page) {
    const auto rows = store.Page("demo", after, true, std::nullopt, 2);
    for (const auto& row : rows) {
      seen.push_back(row.article_no);
      after = row.article_id;
    }
    BOOST_TEST(rows.size() == (page < 2 ? 2u : page == 2 ? 1u : 0u));
  }
  BOOST_TEST((seen == std::vector<std::string>{"P-1", "P-2", "P-3", "P-4", "P-5"}));
}
