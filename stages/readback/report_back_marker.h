#pragma once
// Report-back (issue 16; reference notes 6c): marks in Ongoing what the ERP has taken, by
// setting each line's ReportedNumberOfItems (UpdateOrderLines / UpdateInOrderLines). The sinks
// call it only once the ERP holds the document's state: after the commit, or when the ERP held
// it already (a run that stopped between applying and marking is finished by the next one,
// which finds the document still "to report", applies nothing twice and marks it).

#include <string>

#include "pipeline/run_context.h"
#include "stages/wms/wms_client.h"

namespace wmsbridge::readback {

/// What a marker marks: customer and internal orders, or in-orders (purchase orders).
enum class ReportBackKind { kOrders, kInOrders };

class ReportBackMarker {
 public:
  /// `client` must outlive the marker. Does not throw.
  ReportBackMarker(wms::WmsClient& client, ReportBackKind kind) : client_(client), kind_(kind) {}

  /// Marks one document's lines. A call that fails (any wms::WmsError) is logged at warning
  /// level and counted, never thrown: the document stays "to report" in Ongoing, so the next
  /// run reads it again and marks it then. Throws only std::bad_alloc or what the logger throws.
  void Mark(const wms::ReportedDocument& document, pipeline::RunContext& context);

  /// Documents marked so far.
  int marked() const { return marked_; }
  /// Marking calls that failed so far.
  int failed() const { return failed_; }

 private:
  wms::WmsClient& client_;
  ReportBackKind kind_;
  int marked_ = 0;
  int failed_ = 0;
};

}  // namespace wmsbridge::readback
