#pragma once
// Internal orders are sent manually only (R23): this source reads the ones named for sending,
// and (in a run of the internal-order job) the ones the connection sent that are gone from the
// ERP, to cancel them in Ongoing.

#include <optional>
#include <string>

#include "stages/documents/document_source.h"
#include "stages/erp/internal_order_row.h"

namespace wmsbridge::internal_orders {

class InternalOrderSource final : public documents::DocumentSource<erp::InternalOrderRow> {
 public:
  /// Uses connection_name, warehouses, only_numbers (the orders named for sending) and
  /// removals (also cancel the deleted ones).
  InternalOrderSource(erp::DocumentStore& store, documents::DocumentSourceSettings settings)
      : store_(store), settings_(std::move(settings)) {}

  /// Next batch; throws Poco::Data::DataException when a query fails.
  std::optional<pipeline::Batch<erp::InternalOrderRow>> Next(std::size_t max_rows) override;
  /// Internal orders are sent on request only: no watermark.
  const std::string& max_updated_at() const override { return none_; }

 private:
  erp::DocumentStore& store_;
  documents::DocumentSourceSettings settings_;
  bool vanished_done_ = false;
  std::size_t next_ = 0;
  std::string none_;
};

}  // namespace wmsbridge::internal_orders
