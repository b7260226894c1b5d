#pragma once
// The product's one clock. Every timestamp of its own bookkeeping (wms_ tables, run rows,
// watermarks, message dumps) is UTC as "YYYY-MM-DD HH:MM:SS"; a date it must invent for the far
// side (the delivery date Ongoing requires on a cancellation) is today's date where the machine
// is. The ERP's business columns that read-back writes hold the connection's ERP time zone
// instead (stages/common/wms_time.h, docs/readback.md "Times").

#include <string>

namespace wmsbridge::pipeline {

/// Now, UTC, "YYYY-MM-DD HH:MM:SS". Does not throw but std::bad_alloc.
std::string UtcNowText();
/// Today in the machine's time zone, "YYYY-MM-DD". Does not throw but std::bad_alloc.
std::string LocalDateText();

}  // namespace wmsbridge::pipeline
