#pragma once
// Streams the order documents of one kind to consider. The shared paging: the documents named
// for a manual send (one short query each), or else first those the connection sent that are
// gone from the ERP (deleted: to be cancelled in Ongoing), then keyset pages of the documents
// of the connected warehouses from the start date on, each with its lines (one query per page).
// A kind's source reads one page through its store in stages/erp/. Each document comes with the
// ids of the live documents that share its number (read once per run or manual send).

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/stage.h"
#include "stages/erp/document_row.h"
#include "stages/erp/document_store.h"

namespace wmsbridge::documents {

struct DocumentSourceSettings {
  std::string connection_name;
  std::vector<std::string> warehouses;  // connected warehouse codes (R3)
  std::string start_date;               // R4
  bool full = false;
  std::optional<std::string> changed_since;  // watermark of incremental runs
  std::vector<std::string> only_numbers;     // manual send of these documents only (R14)
  std::set<std::string> requested;           // numbers named by pending send requests
  bool removals = true;                      // cancel documents deleted in the ERP (R16)
  /// A reload (R28): documents updated at or after this ("" = all) are sent as a person's
  /// request is (manual: whatever the stored hash or Ongoing's last refusal).
  std::optional<std::string> reload_from;
};

/// A source of order documents that reports the highest ERP updated_at it read.
template <typename Row>
class DocumentSource : public pipeline::Source<Row> {
 public:
  /// Highest ERP updated_at among the documents read ("" if it keeps no watermark).
  virtual const std::string& max_updated_at() const = 0;
};

/// The rows of deleted documents (`vanished`) as documents of kind Row, to be retired; those
/// whose number is in `requested` (a send request, R14) are a person's request: a cancel Ongoing
/// refused is tried again (R32).
template <typename Row>
std::vector<Row> VanishedDocuments(const std::vector<erp::VanishedRow>& vanished,
                                   const std::set<std::string>& requested) {
  std::vector<Row> out;
  out.reserve(vanished.size());
  for (const erp::VanishedRow& v : vanished) {
    Row row;
    row.vanished = true;
    row.number = v.number;
    row.manual = requested.count(v.number) > 0;
    row.sync.last_erp_id = v.erp_id;
    row.sync.last_wms_id = v.wms_id;
    row.sync.last_status = v.status;
    row.sync.refused_payload_hash = v.refused_payload_hash;
    out.push_back(std::move(row));
  }
  return out;
}

/// Live documents that share their number with another, by number (`rows` as
/// DocumentStore::SameNumbers gives them); numbers with one row are left out.
inline std::map<std::string, std::vector<std::int64_t>> SameNumberIds(
    const std::vector<erp::SameNumberRow>& rows) {
  std::map<std::string, std::vector<std::int64_t>> ids;
  for (const erp::SameNumberRow& r : rows)
    ids[r.number].push_back(r.id);
  std::erase_if(ids, [](const auto& entry) { return entry.second.size() < 2; });
  return ids;
}

template <typename Row>
class PagedDocumentSource : public DocumentSource<Row> {
 public:
  /// `vanished_query`, `same_number_query` and `count_query` name the kind's
  /// extract_vanished_*.sql, select_same_number_*.sql and count_*.sql ("": no count).
  PagedDocumentSource(erp::DocumentStore& store, DocumentSourceSettings settings,
                      std::string vanished_query, std::string same_number_query,
                      std::string count_query = "")
      : store_(store),
        settings_(std::move(settings)),
        vanished_query_(std::move(vanished_query)),
        same_number_query_(std::move(same_number_query)),
        count_query_(std::move(count_query)) {}

  /// The documents named (a manual send), else the deleted ones to cancel (read here once and
  /// kept for Next) plus the count_query's live ones; nullopt without a count_query. Throws
  /// Poco::Data::DataException.
  std::optional<std::size_t> CountRows() final {
    if (!settings_.only_numbers.empty())
      return settings_.only_numbers.size();
    if (count_query_.empty())
      return std::nullopt;
    std::size_t vanished = 0;
    if (!vanished_done_ && settings_.removals) {
      vanished_done_ = true;
      vanished_ = Vanished({});
      vanished = vanished_.size();
    }
    return vanished + store_.Count(count_query_, PageFor(""));
  }

  /// Next batch; throws Poco::Data::DataException when a query fails, and what ReadPage throws.
  std::optional<pipeline::Batch<Row>> Next(std::size_t max_rows) final {
    if (!settings_.only_numbers.empty()) {
      // Manual send: one short query per named document; a number the ERP no longer has but
      // Ongoing does is its cancel, asked for again (R32: Ongoing refused it before).
      while (next_only_ < settings_.only_numbers.size()) {
        const std::string& only = settings_.only_numbers[next_only_++];
        last_id_ = 0;
        done_ = false;
        if (auto page = Page(only, max_rows))
          return page;
        if (auto deleted = Vanished({only}); !deleted.empty())
          return pipeline::Batch<Row>{std::move(deleted)};
      }
      return std::nullopt;
    }
    if (!vanished_done_ && settings_.removals) {
      vanished_done_ = true;
      vanished_ = Vanished({});
    }
    if (!vanished_.empty())  // read here or by CountRows
      return pipeline::Batch<Row>{std::exchange(vanished_, {})};
    return Page("", max_rows);
  }

  const std::string& max_updated_at() const final { return max_updated_at_; }

 protected:
  /// The documents of one page (`page` says which), ascending by id, with their lines. Throws
  /// Poco::Data::DataException.
  virtual std::vector<Row> ReadPage(const erp::ExtractPage& page) = 0;

  erp::DocumentStore& store_;
  DocumentSourceSettings settings_;

 private:
  // The documents of the connection deleted in the ERP: all, or only the one numbered `only`
  // (asked for by a person).
  std::vector<Row> Vanished(const std::optional<std::string>& only) {
    std::vector<erp::VanishedRow> rows =
        store_.Vanished(vanished_query_, settings_.connection_name);
    if (only)
      std::erase_if(rows, [&](const erp::VanishedRow& v) { return v.number != *only; });
    std::vector<Row> out =
        VanishedDocuments<Row>(rows, only ? std::set<std::string>{*only} : settings_.requested);
    // A reload asks again for every cancel Ongoing refused of a deleted document (R28, R32):
    // they have no date of their own to compare with the reload's.
    if (settings_.reload_from) {
      for (Row& row : out)
        row.manual = true;
    }
    return out;
  }

  erp::ExtractPage PageFor(const std::string& only) const {
    erp::ExtractPage page;
    page.connection_name = settings_.connection_name;
    page.warehouse_codes = erp::CodeList(settings_.warehouses);
    page.start_date = settings_.start_date;
    // A manual send or a run without watermark compares everything.
    page.full = settings_.full || !settings_.changed_since || !only.empty();
    page.since = settings_.changed_since.value_or("1900-01-01 00:00:00");
    page.only = only;
    return page;
  }

  std::optional<pipeline::Batch<Row>> Page(const std::string& only, std::size_t max_rows) {
    if (done_)
      return std::nullopt;
    erp::ExtractPage page = PageFor(only);
    page.after_id = last_id_;
    page.max_rows = max_rows;
    std::vector<Row> rows = ReadPage(page);
    if (rows.size() < max_rows)
      done_ = true;
    if (rows.empty())
      return std::nullopt;
    if (same_numbers_read_for_ != only) {
      same_numbers_ = SameNumberIds(
          store_.SameNumbers(same_number_query_, page.warehouse_codes, settings_.start_date, only));
      same_numbers_read_for_ = only;
    }
    for (Row& d : rows) {
      d.manual = !only.empty() || settings_.requested.count(d.number) > 0 ||
                 (settings_.reload_from && d.updated_at >= *settings_.reload_from);
      if (const auto twins = same_numbers_.find(d.number); twins != same_numbers_.end())
        d.same_number_ids = twins->second;
      if (d.updated_at > max_updated_at_)
        max_updated_at_ = d.updated_at;
    }
    last_id_ = rows.back().id;
    return pipeline::Batch<Row>{std::move(rows)};
  }

  std::string vanished_query_;
  std::string same_number_query_;
  std::string count_query_;
  std::vector<Row> vanished_;  // read, not yet handed out
  std::map<std::string, std::vector<std::int64_t>> same_numbers_;
  std::optional<std::string> same_numbers_read_for_;  // the `only` number they were read for
  bool vanished_done_ = false;
  std::size_t next_only_ = 0;
  std::int64_t last_id_ = 0;
  bool done_ = false;
  std::string max_updated_at_;
};

}  // namespace wmsbridge::documents
