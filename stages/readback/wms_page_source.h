#pragma once
// Reads Ongoing's orders or in-orders page by page: ascending by Ongoing's id, "id greater than"
// the last one seen plus a page size, only those updated since a time (R18, R22; reference
// notes 4(d), 4(e)). Memory holds one page.

#include <functional>
#include <optional>
#include <string>
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

  WmsPageSource(ReadPage read, IdOf id_of) : read_(std::move(read)), id_of_(std::move(id_of)) {}

  /// Next page; throws wms::WmsError when the WMS fails.
  std::optional<pipeline::Batch<Row>> Next(std::size_t max_rows) override {
    if (done_)
      return std::nullopt;
    std::vector<Row> rows = read_(last_id_, static_cast<int>(max_rows));
    if (rows.size() < max_rows)
      done_ = true;
    if (rows.empty())
      return std::nullopt;
    last_id_ = id_of_(rows.back());
    pages_ += 1;
    return pipeline::Batch<Row>{std::move(rows)};
  }

  int pages() const { return pages_; }

 private:
  ReadPage read_;
  IdOf id_of_;
  std::optional<int> last_id_;
  bool done_ = false;
  int pages_ = 0;
};

}  // namespace wmsbridge::readback
