#include "pipeline/secret.h"

#include <pugixml.hpp>
#include <sstream>

namespace wmsbridge::pipeline {
namespace {

void ReplaceAll(std::string& text, const std::string& needle) {
  if (needle.empty()) return;
  for (std::size_t pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + kRedacted.size())) {
    text.replace(pos, needle.size(), kRedacted);
  }
}

// The forms an XML writer may give a secret: as is, escaped as element text, escaped as an
// attribute value. The escaping is pugixml's, not ours.
std::vector<std::string> XmlForms(const std::string& value) {
  pugi::xml_document doc;
  auto node = doc.append_child("s");
  node.append_attribute("a").set_value(value.c_str());
  node.text().set(value.c_str());
  std::ostringstream xml;
  doc.save(xml, "", pugi::format_raw | pugi::format_no_declaration);
  const std::string printed = xml.str();  // <s a="ATTR">TEXT</s>
  const auto attr_begin = printed.find('"') + 1;
  const auto attr_end = printed.find('"', attr_begin);
  const auto text_begin = printed.find('>') + 1;
  const auto text_end = printed.rfind("</s>");
  std::vector<std::string> forms{value};
  for (std::string form : {printed.substr(attr_begin, attr_end - attr_begin),
                           printed.substr(text_begin, text_end - text_begin)}) {
    if (form != value) forms.push_back(std::move(form));
  }
  return forms;
}

}  // namespace

std::string Redact(std::string_view text, const std::vector<const Secret*>& secrets) {
  std::string out(text);
  for (const Secret* secret : secrets) {
    if (secret == nullptr || secret->empty()) continue;
    for (const std::string& form : XmlForms(secret->reveal())) ReplaceAll(out, form);
  }
  return out;
}

}  // namespace wmsbridge::pipeline
