#include "tests/wms_sim/sim_strict_xml.h"

#include <stdexcept>

#include "soapH.h"

namespace wmsbridge::sim {
namespace {
const char kPluginId[] = "wms-sim-strict-xml";
}  // namespace

struct StrictXmlReader::Wrapped {
  int (*fprepareinitrecv)(struct soap*) = nullptr;
  int (*fparsehdr)(struct soap*, const char*, const char*) = nullptr;
  int (*fpreparerecv)(struct soap*, const char*, std::size_t) = nullptr;
  int (*fpreparefinalrecv)(struct soap*) = nullptr;
};

// The callbacks, friends of the reader (gSOAP's registry finds it by the context). Each calls
// on to the one it wraps, as gSOAP's own plugins do.
struct StrictXmlHooks {
  static StrictXmlReader& Reader(struct soap* context) {
    return *static_cast<StrictXmlReader*>(soap_lookup_plugin(context, kPluginId));
  }
  static int InitRecv(struct soap* context) {
    StrictXmlReader& r = Reader(context);
    r.in_body_ = false;  // a new request: its header comes first
    r.body_.clear();
    return r.wrapped_->fprepareinitrecv ? r.wrapped_->fprepareinitrecv(context) : SOAP_OK;
  }
  static int ParseHeader(struct soap* context, const char* key, const char* value) {
    // gSOAP hands fpreparerecv the first block raw (HTTP header and all) before it parses the
    // header, and the body's part of that block again once the header is read: keep only what
    // comes after the header.
    StrictXmlReader& r = Reader(context);
    r.in_body_ = true;
    return r.wrapped_->fparsehdr(context, key, value);
  }
  static int Recv(struct soap* context, const char* data, std::size_t length) {
    StrictXmlReader& r = Reader(context);
    if (r.in_body_)
      r.body_.append(data, length);
    return r.wrapped_->fpreparerecv ? r.wrapped_->fpreparerecv(context, data, length) : SOAP_OK;
  }
  static int FinalRecv(struct soap* context) {
    StrictXmlReader& r = Reader(context);
    if (r.wrapped_->fpreparefinalrecv) {
      if (const int status = r.wrapped_->fpreparefinalrecv(context); status != SOAP_OK)
        return status;
    }
    // The whole request has been read and no operation has run: refuse it whole, as .NET does.
    if (const auto problem = r.Problem()) {
      return soap_sender_fault(
          context, soap_strdup(context, UnreadableRequestFault(*problem).c_str()), nullptr);
    }
    return SOAP_OK;
  }
  static void Delete(struct soap*, struct soap_plugin*) {}  // the reader is not gSOAP's
  static int Create(struct soap* context, struct soap_plugin* plugin, void* reader) {
    StrictXmlReader& r = *static_cast<StrictXmlReader*>(reader);
    plugin->id = kPluginId;
    plugin->data = reader;
    plugin->fcopy = nullptr;
    plugin->fdelete = &Delete;
    *r.wrapped_ = {context->fprepareinitrecv, context->fparsehdr, context->fpreparerecv,
                   context->fpreparefinalrecv};
    context->fprepareinitrecv = &InitRecv;
    context->fparsehdr = &ParseHeader;
    context->fpreparerecv = &Recv;
    context->fpreparefinalrecv = &FinalRecv;
    return SOAP_OK;
  }
};

StrictXmlReader::StrictXmlReader(struct soap* context)
    : context_(context), wrapped_(std::make_unique<Wrapped>()) {
  if (soap_register_plugin_arg(context_, &StrictXmlHooks::Create, this) != SOAP_OK)
    throw std::runtime_error("cannot register the strict XML reader with gSOAP");
}

StrictXmlReader::~StrictXmlReader() {
  // The context gets its own callbacks back; the registry entry stays, never looked up again.
  context_->fprepareinitrecv = wrapped_->fprepareinitrecv;
  context_->fparsehdr = wrapped_->fparsehdr;
  context_->fpreparerecv = wrapped_->fpreparerecv;
  context_->fpreparefinalrecv = wrapped_->fpreparefinalrecv;
}

std::optional<XmlCharacterProblem> StrictXmlReader::Problem() const {
  return FindXml10CharacterProblem(body_);
}

}  // namespace wmsbridge::sim
