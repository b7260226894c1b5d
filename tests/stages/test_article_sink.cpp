// The article sink alone, with an in-process fake WMS client (unit test of one stage): what it
// records for each answer the WMS can give (R29, R30, R31). The flows against the real
// simulator are in tests/jobs/.
#define BOOST_TEST_MODULE article_sink
#include <Poco/Logger.h>

#include <boost/test/unit_test.hpp>
#include <stdexcept>

#include "pipeline/run_context.h"
#include "stages/articles/article_sink.h"
#include "stages/articles/article_transform.h"
#include "stages/wms/retrying_wms_client.h"
#include "tests/support/erp_backend.h"
#include "tests/support/null_wms_client.h"

using namespace wmsbridge;

namespace {

// Answers ProcessArticle as told; every other call does nothing.
class FakeWms final : public test::NullWmsClient {
 public:
  std::function<wms::WriteResult(const wms::ArticleDefinition&)> on_article;
  int calls = 0;

  wms::WriteResult ProcessArticle(const wms::ArticleDefinition& a) override {
    ++calls;
    return on_article(a);
  }
};

articles::ArticleWork Work(const std::string& no) {
  articles::ErpArticleRow row;
  row.article_id = 7;
  row.article_no = no;
  row.article_type = "STOCK";
  row.name = "Kopp";
  row.is_active = true;
  return articles::ArticleTransform().Map(row);
}

struct Fixture {
  std::shared_ptr<test::ErpBackend> backend = test::MakeSqliteBackend();
  std::unique_ptr<erp::ErpDatabase> db = backend->Open();
  FakeWms wms;
  pipeline::RunOptions options;
  Fixture() {
    options.retry.max_attempts = 3;
    options.retry.initial_delay = std::chrono::milliseconds(1);
  }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(ongoings_refusal_is_recorded_with_its_words_and_the_run_goes_on_R30,
                        Fixture) {
  wms.on_article = [](const wms::ArticleDefinition& a) -> wms::WriteResult {
    if (a.article_number == "BAD") {
      throw wms::WmsError(wms::WmsErrorKind::kRejected, "ProcessArticle", "Unit code XX unknown");
    }
    return {11, ""};
  };
  pipeline::RunContext context(1, "articles", Poco::Logger::get("test"), options);
  wms::RetryingWmsClient client(wms, context);
  articles::ArticleSink sink(*db, client, {"demo", false}, 1);
  sink.Consume({{Work("BAD"), Work("GOOD")}}, context);
  BOOST_TEST(context.Report().Count(pipeline::OutcomeKind::kRejected) == 1u);
  BOOST_TEST(context.Report().Count(pipeline::OutcomeKind::kSent) == 1u);
  BOOST_TEST(backend->Scalar("SELECT message FROM wms_sync_state WHERE doc_no = 'BAD'") ==
             "Ongoing refused the article: Unit code XX unknown; not sent again until it "
             "changes or a person runs `wmsbridge run articles --full`");
  // R32: the payload refused is kept, so that it is not sent again unchanged.
  BOOST_TEST(backend->Scalar("SELECT refused_payload_hash FROM wms_sync_state WHERE doc_no = "
                             "'BAD'") == Work("BAD").payload_hash);
  BOOST_TEST(backend->Scalar("SELECT status FROM wms_sync_state WHERE doc_no = 'GOOD'") == "SENT");
  BOOST_TEST(wms.calls == 2, "a refusal is not retried");
}

BOOST_FIXTURE_TEST_CASE(a_passing_fault_is_retried_and_the_article_recorded_once_R31, Fixture) {
  int failures = 2;
  wms.on_article = [&](const wms::ArticleDefinition&) -> wms::WriteResult {
    if (failures-- > 0)
      throw wms::WmsError(wms::WmsErrorKind::kTimeout, "ProcessArticle", "slow");
    return {12, ""};
  };
  pipeline::RunContext context(1, "articles", Poco::Logger::get("test"), options);
  wms::RetryingWmsClient client(wms, context);
  articles::ArticleSink sink(*db, client, {"demo", false}, 1);
  sink.Consume({{Work("A")}}, context);
  BOOST_TEST(wms.calls == 3);
  BOOST_TEST(backend->Scalar("SELECT CAST(wms_id AS VARCHAR(10)) FROM wms_sync_state") == "12");
  BOOST_TEST(!context.Aborted());
}

BOOST_FIXTURE_TEST_CASE(a_wms_that_stays_down_aborts_the_run_and_records_nothing_as_sent_R31,
                        Fixture) {
  wms.on_article = [](const wms::ArticleDefinition&) -> wms::WriteResult {
    throw wms::WmsError(wms::WmsErrorKind::kConnect, "ProcessArticle", "refused");
  };
  pipeline::RunContext context(1, "articles", Poco::Logger::get("test"), options);
  wms::RetryingWmsClient client(wms, context);
  articles::ArticleSink sink(*db, client, {"demo", false}, 1);
  BOOST_CHECK_THROW(sink.Consume({{Work("A"), Work("B")}}, context), wms::WmsError);
  BOOST_TEST(wms.calls == 3, "retried, then no further article is tried");
  // The article tried says why it is not sent; the one never tried is untouched.
  BOOST_TEST(backend->Count("SELECT * FROM wms_sync_state") == 1);
  BOOST_TEST(backend->Count("SELECT * FROM wms_sync_state WHERE status = 'NOT_SENT' AND wms_id "
                            "IS NULL AND payload_hash IS NULL AND message LIKE '%unavailable%'") ==
             1);
  BOOST_TEST(context.Report().Count(pipeline::OutcomeKind::kFailed) == 1u);
}
