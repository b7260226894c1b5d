#pragma once
// Makes a gSOAP server context read requests as Ongoing's .NET service does: each request
// body is kept as received and checked with XML 1.0's character rules (sim_xml_rules.h) once
// gSOAP has read it, before any operation runs; a request that breaks them is answered with
// .NET's Client fault ("Server was unable to read request. ---> ..."). gSOAP's own flags have
// no such check (SOAP_XML_STRICT validates the schema, not characters), so this hooks gSOAP's
// receive callbacks: fparsehdr (the HTTP header has been read), fpreparerecv (a block of the
// body) and fpreparefinalrecv (the whole message has been read).

#include <memory>
#include <optional>
#include <string>

#include "tests/wms_sim/sim_xml_rules.h"

struct soap;

namespace wmsbridge::sim {

class StrictXmlReader {
 public:
  /// Hooks `context` (not owned), which must outlive this reader. Throws std::runtime_error
  /// when gSOAP cannot register the hooks.
  explicit StrictXmlReader(struct soap* context);
  /// Leaves the hooks on the context, inert: the context may be served no more once the
  /// reader is gone. Never throws.
  ~StrictXmlReader();
  StrictXmlReader(const StrictXmlReader&) = delete;
  StrictXmlReader& operator=(const StrictXmlReader&) = delete;

  /// What breaks XML 1.0's character rules in the request being read (as far as it has been
  /// read), or nullopt. The connection's thread only.
  std::optional<XmlCharacterProblem> Problem() const;

 private:
  struct Wrapped;  // gSOAP's callbacks that the hooks call on to (sim_strict_xml.cpp)
  friend struct StrictXmlHooks;
  struct soap* context_;
  std::unique_ptr<Wrapped> wrapped_;
  bool in_body_ = false;  // the HTTP header of the current request has been read
  std::string body_;      // the current request's body as received
};

}  // namespace wmsbridge::sim
