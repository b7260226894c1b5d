// SimStore: articles (ProcessArticle and the article look-ups).
#include <Poco/Data/Statement.h>

#include "tests/wms_sim/sim_db.h"
#include "tests/wms_sim/sim_store.h"
#include "tests/wms_sim/sim_store_rows.h"
#include "tests/wms_sim/sim_time.h"

namespace wmsbridge::sim {

using wms::Decimal;

using namespace Poco::Data::Keywords;

namespace {

ProcessResult Rejected(const std::string& error) {
  ProcessResult result;
  result.success = false;
  result.error_message = error;
  return result;
}

// The stored value when the document leaves a field out, else the new one.
std::string Merge(const std::optional<std::string>& incoming, const std::string& stored) {
  return incoming ? *incoming : stored;
}

}  // namespace

ProcessResult SimStore::ProcessArticle(int goods_owner_id, const ArticleInput& input) {
  for (const auto* decimal : {&input.weight, &input.volume}) {
    if (*decimal && !decimal->value().empty() && !detail::ParseSimDecimal(decimal->value())) {
      return Rejected("'" + decimal->value() + "' is not a decimal number");
    }
  }
  std::lock_guard write_lock(WriteMutex(goods_owner_id));
  auto session = pool_->Acquire();
  DbTransaction transaction(*session, DbTransaction::Mode::kWrite);

  std::optional<Article> existing;
  if (input.identify_by_system_id) {
    if (!input.system_id) {
      return Rejected("ArticleSystemId is required when articles are identified by SystemId");
    }
    auto found = detail::LoadArticles(*session, "goods_owner_id = ? AND system_id = ?",
                                      {bind(goods_owner_id), bind(*input.system_id)});
    if (found.empty()) {
      return Rejected("Article with ArticleSystemId " + std::to_string(*input.system_id) +
                      " does not exist");
    }
    existing = found.front();
  } else {
    if (!input.article_number || input.article_number->empty()) {
      return Rejected("ArticleNumber is required");
    }
    existing = detail::FindArticleByNumber(*session, goods_owner_id, *input.article_number);
  }

  Article article = existing.value_or(Article{});
  if (input.article_number && !input.article_number->empty()) {
    article.article_number = *input.article_number;
  }
  article.name = Merge(input.name, article.name);
  article.barcode = Merge(input.barcode, article.barcode);
  article.supplier_article_number =
      Merge(input.supplier_article_number, article.supplier_article_number);
  article.statistics_number = Merge(input.statistics_number, article.statistics_number);
  article.unit_code = Merge(input.unit_code, article.unit_code);
  article.weight = Merge(input.weight, article.weight);
  article.volume = Merge(input.volume, article.volume);
  if (input.is_stock_article) {
    article.is_stock_article = *input.is_stock_article;
  }
  if (input.is_active) {
    article.is_active = *input.is_active;
  }
  const std::string stamp = NowStamp();

  ProcessResult result;
  result.success = true;
  if (existing) {
    *session << "UPDATE sim_articles SET article_number = ?, name = ?, barcode = ?, "
                "supplier_article_number = ?, statistics_number = ?, unit_code = ?, weight = ?, "
                "volume = ?, is_stock_article = ?, is_active = ?, updated = ? WHERE system_id = ?",
        bind(article.article_number), bind(article.name), bind(article.barcode),
        bind(article.supplier_article_number), bind(article.statistics_number),
        bind(article.unit_code), bind(article.weight), bind(article.volume),
        bind(article.is_stock_article ? 1 : 0), bind(article.is_active ? 1 : 0), bind(stamp),
        bind(article.system_id), now;
    result.message = "Article updated";
  } else {
    *session << "INSERT INTO sim_articles (goods_owner_id, article_number, name, barcode, "
                "supplier_article_number, statistics_number, unit_code, weight, volume, "
                "is_stock_article, is_active, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?)",
        bind(goods_owner_id), bind(article.article_number), bind(article.name),
        bind(article.barcode), bind(article.supplier_article_number),
        bind(article.statistics_number), bind(article.unit_code), bind(article.weight),
        bind(article.volume), bind(article.is_stock_article ? 1 : 0),
        bind(article.is_active ? 1 : 0), bind(stamp), bind(stamp), now;
    *session << "SELECT last_insert_rowid()", into(article.system_id), now;
    result.message = "Article created";
  }
  transaction.Commit();
  result.article_def_id = article.system_id;
  return result;
}

std::vector<Article> SimStore::FindArticles(int goods_owner_id,
                                            const std::vector<std::string>& article_numbers) {
  if (article_numbers.empty()) {
    return {};
  }
  detail::Bindings bindings{bind(goods_owner_id)};
  for (const std::string& number : article_numbers) {
    bindings.push_back(bind(number));
  }
  auto session = pool_->Acquire();
  return detail::LoadArticles(*session,
                              "goods_owner_id = ? AND article_number IN (" +
                                  detail::Placeholders(article_numbers.size()) + ")",
                              bindings);
}

std::optional<Article> SimStore::FindArticle(const std::string& article_number) {
  auto session = pool_->Acquire();
  return detail::FindArticleByNumber(*session, DefaultGoodsOwnerId(*session), article_number);
}

std::vector<Article> SimStore::Articles() {
  auto session = pool_->Acquire();
  return detail::LoadArticles(*session, "goods_owner_id = ?",
                              {bind(DefaultGoodsOwnerId(*session))});
}

}  // namespace wmsbridge::sim
