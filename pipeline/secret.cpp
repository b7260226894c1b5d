#include "pipeline/secret.h"

#include <algorithm>
#include <pugixml.hpp>
#include <sstream>

namespace wmsbridge::pipeline {
namespace {

void ReplaceAll(std::string& text, const std::string& needle) {
  if (needle.empty())
    return;
  for (std::size_t pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + kRedacted.size())) {
    text.replace(pos, needle.size(), kRedacted);
  }
}

// Prints `value` as pugixml writes it in element text or in an attribute value.
std::string Printed(const std::string& value, bool as_attribute) {
  pugi::xml_document doc;
  auto node = doc.append_child("s");
  if (as_attribute) {
    node.append_attribute("a").set_value(value.c_str());
  } else {
    node.text().set(value.c_str());
  }
  std::ostringstream xml;
  doc.save(xml, "", pugi::format_raw | pugi::format_no_declaration);
  const std::string printed = xml.str();  // <s a="ATTR"/> or <s>TEXT</s>
  if (as_attribute) {
    const std::string open = "<s a=\"";
    return printed.substr(open.size(), printed.size() - open.size() - 3);
  }
  return printed.substr(3, printed.size() - 7);
}

// The forms an XML writer may give a secret: as is, escaped as element text, escaped as an
// attribute value. The escaping is pugixml's, not ours; gSOAP escapes the same characters.
std::vector<std::string> XmlForms(const std::string& value) {
  std::vector<std::string> forms{value};
  for (std::string form : {Printed(value, false), Printed(value, true)}) {
    if (std::find(forms.begin(), forms.end(), form) == forms.end())
      forms.push_back(std::move(form));
  }
  return forms;
}

}  // namespace

std::string Redact(std::string_view text, const std::vector<const Secret*>& secrets) {
  std::string out(text);
  for (const Secret* secret : secrets) {
    if (secret == nullptr || secret->empty())
      continue;
    for (const std::string& form : XmlForms(secret->reveal()))
      ReplaceAll(out, form);
  }
  return out;
}

}  // namespace wmsbridge::pipeline
