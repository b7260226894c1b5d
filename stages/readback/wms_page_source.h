#pragma once
// Reads Ongoing's orders or in-orders page by page: ascending by Ongoing's id, "id greater than"
// the last one seen plus a page size, only those updated since a time (R18, R22; reference
// notes 4(d), 4(e), 6c). The page size is Ongoing's (wms_page_size), not the run's batch size:
// a read makes as few calls as the data needs, which keeps a schedule within Ongoing's volume
// limits (6b), and hands the page on in batches. Memory holds one page.

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/stage.h"

namespace wmsbridge::readback {

template <typename Row>
class WmsPageSource final : public pipeline::Source<Row> {
 public:
  /// Reads one page: rows with an id above `after_id`, at most `max_rows`.
  using ReadPage = std::function<std::vector<Row>(std::optional<int> after_id, int max_rows)>;
  /// The id of a row (Ongoing's OrderId or InOrderId).
  using IdOf = std::function<int(const Row&)>;

  /// `page_size` (at least 1) is how many rows one call asks Ongoing for.
  WmsPageSource(ReadPage read, IdOf id_of, int page_size)
      : read_(std::move(read)),
        id_of_(std::move(id_of)),
        page_size_(page_size < 1 ? 1 : page_size) {}

  /// The next batch of at most `max_rows` rows, from the page in hand or, when it is used up,
  /// from the next page Ongoing gives. Throws wms::WmsError when the WMS fails.
  std::optional<pipeline::Batch<Row>> Next(std::size_t max_rows) override {
    if (next_ >= page_.size()) {
      if (done_)
        return std::nullopt;
      page_ = read_(last_id_, page_size_);
      next_ = 0;
      pages_ += 1;
      // A short page is the last: no call just to hear that nothing follows.
      if (page_.size() < static_cast<std::size_t>(page_size_))
        done_ = true;
      if (page_.empty())
        return std::nullopt;
      last_id_ = id_of_(page_.back());
    }
    const std::size_t take = std::min(max_rows, page_.size() - next_);
    pipeline::Batch<Row> batch;
    batch.rows.reserve(take);
    for (std::size_t i = 0; i < take; ++i)
      batch.rows.push_back(std::move(page_[next_ + i]));
    next_ += take;
    return batch;
  }

  /// The calls made so far.
  int pages() const { return pages_; }

 private:
  ReadPage read_;
  IdOf id_of_;
  int page_size_;
  std::vector<Row> page_;
  std::size_t next_ = 0;  // the first row of page_ not handed on yet
  std::optional<int> last_id_;
  bool done_ = false;
  int pages_ = 0;
};

}  // namespace wmsbridge::readback
