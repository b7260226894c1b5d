#pragma once
// --trace-soap DIR (or wmsbridge.trace_soap_dir): every SOAP request and answer of a run, as it
// travelled (HTTP header and body), one file each, for a support case with the 3PL. The WMS
// adapter tees the bytes and masks every secret (password, MD5 keys) before it hands them over
// (stages/ongoing/soap_wms_client.h); this only names and writes the files.

#include <string>

#include "stages/ongoing/soap_wms_client.h"

namespace wmsbridge::jobs {

/// A message sink that writes each message to DIR/<UTC time>-<seq>-<connection>-<operation>-
/// request.xml (or -response.xml), mode 0600. `dir` must exist (the configuration checks it).
/// Writing never throws: a file that cannot be written is skipped with a warning on the
/// "wmsbridge" logger.
ongoing::MessageDumpFn SoapTraceWriter(const std::string& dir, const std::string& connection);

/// Both sinks in turn; either may be empty.
ongoing::MessageDumpFn BothDumps(ongoing::MessageDumpFn first, ongoing::MessageDumpFn second);

}  // namespace wmsbridge::jobs
