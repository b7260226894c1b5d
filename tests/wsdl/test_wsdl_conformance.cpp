// Conformance of wsdl/ongoing.wsdl with the vendored reference table
// wsdl/reference/ongoing-wsi-types.tsv (format: wsdl/reference/ongoing-wsi-notes.md, section 3).
//
// Deliberately independent of wsdl/tools/make_wsdl.py: both files are re-read here (pugixml and
// a small TSV reader of our own), so a hand edit of the WSDL, a generator bug or a table update
// that was never regenerated fails CI. The checker returns problem strings; the self-test suite
// at the end feeds it broken WSDL snippets so that a silent checker cannot pass unnoticed.
#define BOOST_TEST_MODULE test_wsdl
#include <boost/test/unit_test.hpp>

#include <pugixml.hpp>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

constexpr std::string_view kWsiNs = "http://ongoingsystems.se/WSI";
constexpr std::string_view kXsdNs = "http://www.w3.org/2001/XMLSchema";
constexpr std::string_view kWsdlNs = "http://schemas.xmlsoap.org/wsdl/";
constexpr std::string_view kSoap11Ns = "http://schemas.xmlsoap.org/wsdl/soap/";
constexpr std::string_view kSoap12Ns = "http://schemas.xmlsoap.org/wsdl/soap12/";
constexpr std::string_view kSoapHttpTransport = "http://schemas.xmlsoap.org/soap/http";

using Problems = std::vector<std::string>;

// A QName resolved to its namespace. The table writes `s:` for XML Schema and `tns:` for WSI;
// comparing resolved names keeps the check right even if the WSDL picked other prefixes.
struct QName {
  std::string ns;
  std::string local;
  bool operator==(const QName&) const = default;
};

// ---------------------------------------------------------------------------------------------
// The reference table

struct RefField {
  int position = 0;
  std::string name;
  std::string type_text;  // as the table writes it, for messages
  QName type;
  std::string min_occurs;
  std::string max_occurs;
  bool nillable = false;
};

struct RefType {
  std::vector<RefField> elements;    // ascending position
  std::vector<RefField> attributes;  // position-0 rows that name a field
};

struct RefOperation {
  std::string request;
  std::string response;
};

struct Reference {
  std::size_t rows = 0;
  // Key: complexType name, or "element:<Name>" for a global wrapper element.
  std::map<std::string, RefType> types;
  std::map<std::string, std::vector<std::string>> enums;  // values in reference order
  std::map<std::string, RefOperation> operations;
  // Fields with an empty position: the 2016 client had them, the current service does not.
  std::map<std::string, std::set<std::string>> retired;
};

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> cols;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    cols.emplace_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) {
      return cols;
    }
    start = tab + 1;
  }
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

QName TableQName(const std::string& text, const std::string& where) {
  const std::size_t colon = text.find(':');
  const std::string prefix = colon == std::string::npos ? "" : text.substr(0, colon);
  if (prefix == "s") {
    return {std::string(kXsdNs), text.substr(colon + 1)};
  }
  if (prefix == "tns") {
    return {std::string(kWsiNs), text.substr(colon + 1)};
  }
  throw std::runtime_error(where + ": xsd_type '" + text + "' is neither s: nor tns:");
}

// Throws on anything malformed: a reader that skipped bad rows would make the checks vacuous.
Reference ParseReference(std::istream& in) {
  const std::vector<std::string> kColumns = {"type",       "position",   "field", "xsd_type",
                                             "min_occurs", "max_occurs", "note"};
  std::string line;
  if (!std::getline(in, line)) {
    throw std::runtime_error("reference table: empty");
  }
  if (!line.empty() && line.back() == '\r') {
    line.pop_back();
  }
  if (SplitTabs(line) != kColumns) {
    throw std::runtime_error("reference table: unexpected header");
  }

  Reference ref;
  std::map<std::string, std::vector<std::pair<int, std::string>>> enum_rows;
  int line_no = 1;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (line.empty()) {
      continue;
    }
    const std::string where = "reference table line " + std::to_string(line_no);
    const std::vector<std::string> c = SplitTabs(line);
    if (c.size() != kColumns.size()) {
      throw std::runtime_error(where + ": " + std::to_string(c.size()) + " columns, expected 7");
    }
    const std::string &type = c[0], &position = c[1], &field = c[2], &xsd_type = c[3],
                      &min_occurs = c[4], &max_occurs = c[5], &note = c[6];
    if (type.empty()) {
      throw std::runtime_error(where + ": empty type");
    }
    ++ref.rows;
    if (position.empty()) {
      ref.retired[type].insert(field);
      continue;
    }
    if (!IsDigits(position)) {
      throw std::runtime_error(where + ": bad position '" + position + "'");
    }
    const int pos = std::stoi(position);
    if (note.starts_with("operation")) {
      if (pos != 0) {
        throw std::runtime_error(where + ": operation row with position != 0");
      }
      ref.operations[type] = {field, xsd_type};
      continue;
    }
    if (xsd_type == "enum") {
      enum_rows[type].emplace_back(pos, note);
      continue;
    }
    RefType& ref_type = ref.types[type];  // a position-0 row alone still declares the type
    if (field.empty()) {
      continue;
    }
    if (!IsDigits(min_occurs) || !(IsDigits(max_occurs) || max_occurs == "unbounded")) {
      throw std::runtime_error(where + ": bad occurrence '" + min_occurs + ".." + max_occurs + "'");
    }
    RefField f{pos,
               field,
               xsd_type,
               TableQName(xsd_type, where),
               min_occurs,
               max_occurs,
               note.starts_with("nillable")};
    (pos == 0 ? ref_type.attributes : ref_type.elements).push_back(std::move(f));
  }

  for (auto& [name, t] : ref.types) {
    std::sort(t.elements.begin(), t.elements.end(),
              [](const RefField& a, const RefField& b) { return a.position < b.position; });
    for (std::size_t i = 1; i < t.elements.size(); ++i) {
      if (t.elements[i].position == t.elements[i - 1].position) {
        throw std::runtime_error("reference table: " + name + " repeats position " +
                                 std::to_string(t.elements[i].position));
      }
    }
  }
  for (auto& [name, rows] : enum_rows) {
    std::sort(rows.begin(), rows.end());
    for (auto& [pos, value] : rows) {
      ref.enums[name].push_back(value);
    }
  }
  return ref;
}

Reference ParseReference(const std::string& text) {
  std::istringstream in(text);
  return ParseReference(in);
}

const RefField* FindField(const std::vector<RefField>& fields, std::string_view name) {
  const auto it =
      std::find_if(fields.begin(), fields.end(), [&](const RefField& f) { return f.name == name; });
  return it == fields.end() ? nullptr : &*it;
}

// ---------------------------------------------------------------------------------------------
// Namespace-aware access to the WSDL (pugixml keeps prefixes as written)

std::optional<std::string> NamespaceOfPrefix(pugi::xml_node node, std::string_view prefix) {
  const std::string attr = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = node; n; n = n.parent()) {
    if (const pugi::xml_attribute a = n.attribute(attr.c_str())) {
      return std::string(a.value());
    }
  }
  return std::nullopt;
}

// Resolves a QName written at `node` (an element name or a QName-valued attribute).
std::optional<QName> Resolve(pugi::xml_node node, std::string_view text) {
  const std::size_t colon = text.find(':');
  const std::string_view prefix = colon == std::string_view::npos ? "" : text.substr(0, colon);
  const std::string_view local = colon == std::string_view::npos ? text : text.substr(colon + 1);
  const std::optional<std::string> ns = NamespaceOfPrefix(node, prefix);
  if (!ns) {
    return std::nullopt;
  }
  return QName{*ns, std::string(local)};
}

bool Is(pugi::xml_node node, std::string_view ns, std::string_view local) {
  if (node.type() != pugi::node_element) {
    return false;
  }
  const std::optional<QName> name = Resolve(node, node.name());
  return name && name->ns == ns && name->local == local;
}

std::vector<pugi::xml_node> Children(pugi::xml_node node, std::string_view ns,
                                     std::string_view local) {
  std::vector<pugi::xml_node> found;
  for (pugi::xml_node c : node.children()) {
    if (Is(c, ns, local)) {
      found.push_back(c);
    }
  }
  return found;
}

std::string Attr(pugi::xml_node node, const char* name) {
  return node.attribute(name).value();
}

// All xs:schema elements under wsdl:definitions/wsdl:types.
std::vector<pugi::xml_node> Schemas(pugi::xml_node definitions) {
  std::vector<pugi::xml_node> schemas;
  for (pugi::xml_node types : Children(definitions, kWsdlNs, "types")) {
    for (pugi::xml_node s : Children(types, kXsdNs, "schema")) {
      schemas.push_back(s);
    }
  }
  return schemas;
}

// A complexType to compare with a reference type: named, or the anonymous one of a wrapper.
struct SchemaType {
  std::string key;    // reference key: "Name" or "element:Name"
  std::string label;  // for messages
  pugi::xml_node complex_type;
};

std::vector<SchemaType> CollectComplexTypes(pugi::xml_node definitions, Problems& problems) {
  std::vector<SchemaType> found;
  for (pugi::xml_node schema : Schemas(definitions)) {
    for (pugi::xml_node t : Children(schema, kXsdNs, "complexType")) {
      found.push_back({Attr(t, "name"), "complexType " + Attr(t, "name"), t});
    }
    for (pugi::xml_node e : Children(schema, kXsdNs, "element")) {
      const std::string name = Attr(e, "name");
      const std::vector<pugi::xml_node> inner = Children(e, kXsdNs, "complexType");
      if (inner.size() != 1) {
        problems.push_back("global element " + name + ": not a wrapper with one anonymous " +
                           "complexType, so it cannot be compared with element:" + name);
        continue;
      }
      found.push_back({"element:" + name, "element " + name, inner.front()});
    }
  }
  return found;
}

struct Content {
  std::vector<pugi::xml_node> elements;
  std::vector<pugi::xml_node> attributes;
};

// What a complexType declares. Constructs this checker does not understand (choice, all, group,
// element ref=...) are problems, so that new schema shapes cannot slip through unchecked.
// `problems` may be null where another aspect reports them.
Content ReadContent(const SchemaType& t, Problems* problems) {
  Content content;
  auto unsupported = [&](pugi::xml_node n, const std::string& where) {
    if (problems) {
      problems->push_back(t.label + ": unsupported <" + n.name() + "> in " + where);
    }
  };
  // Reads a complexType, or the extension of its complexContent (one level only).
  auto read = [&](auto& self, pugi::xml_node parent, bool top) -> void {
    for (pugi::xml_node c : parent.children()) {
      if (c.type() != pugi::node_element || Is(c, kXsdNs, "annotation")) {
        continue;
      }
      if (Is(c, kXsdNs, "sequence")) {
        for (pugi::xml_node e : c.children()) {
          if (e.type() != pugi::node_element) {
            continue;
          }
          if (Is(e, kXsdNs, "element") && e.attribute("name")) {
            content.elements.push_back(e);
          } else {
            unsupported(e, "sequence");
          }
        }
      } else if (Is(c, kXsdNs, "attribute") && c.attribute("name")) {
        content.attributes.push_back(c);
      } else if (top && Is(c, kXsdNs, "complexContent") &&
                 Children(c, kXsdNs, "extension").size() == 1) {
        self(self, Children(c, kXsdNs, "extension").front(), false);
      } else {
        unsupported(c, parent.name());
      }
    }
  };
  read(read, t.complex_type, true);
  return content;
}

// Occurrence attributes with their XML Schema defaults applied.
std::string MinOccurs(pugi::xml_node e) {
  return e.attribute("minOccurs") ? Attr(e, "minOccurs") : "1";
}
std::string MaxOccurs(pugi::xml_node e) {
  return e.attribute("maxOccurs") ? Attr(e, "maxOccurs") : "1";
}
bool Nillable(pugi::xml_node e) {
  const std::string v = Attr(e, "nillable");
  return v == "true" || v == "1";
}

// ---------------------------------------------------------------------------------------------
// The checks

enum class Aspect {
  kAll,
  kSchema,      // namespaces and elementFormDefault
  kElements,    // every declared element/attribute: name, type, occurrences, nillable
  kOrder,       // declared elements in strictly ascending reference position
  kRequired,    // every required reference element is declared
  kEnums,       // enum values and their order
  kClosure,     // every tns: type used is defined
  kOperations,  // messages, portType, SOAP 1.1 document/literal binding, soapAction
};

void CheckSchema(pugi::xml_node definitions, Problems& problems) {
  if (Attr(definitions, "targetNamespace") != kWsiNs) {
    problems.push_back("definitions targetNamespace is '" + Attr(definitions, "targetNamespace") +
                       "', expected " + std::string(kWsiNs));
  }
  // The reference table writes QNames with these two prefixes.
  if (NamespaceOfPrefix(definitions, "tns") != std::optional<std::string>(kWsiNs)) {
    problems.push_back("prefix tns is not bound to " + std::string(kWsiNs));
  }
  if (NamespaceOfPrefix(definitions, "s") != std::optional<std::string>(kXsdNs)) {
    problems.push_back("prefix s is not bound to " + std::string(kXsdNs));
  }
  const std::vector<pugi::xml_node> schemas = Schemas(definitions);
  if (schemas.empty()) {
    problems.push_back("no schema under wsdl:types");
  }
  for (pugi::xml_node schema : schemas) {
    if (Attr(schema, "targetNamespace") != kWsiNs) {
      problems.push_back("schema targetNamespace is '" + Attr(schema, "targetNamespace") +
                         "', expected " + std::string(kWsiNs));
    }
    if (Attr(schema, "elementFormDefault") != "qualified") {
      problems.push_back("schema elementFormDefault is '" + Attr(schema, "elementFormDefault") +
                         "', expected qualified");
    }
  }
}

void CheckElements(const std::vector<SchemaType>& types, const Reference& ref, Problems& problems) {
  std::set<std::string> seen;
  for (const SchemaType& t : types) {
    if (!seen.insert(t.key).second) {
      problems.push_back(t.label + ": defined twice");
    }
    const auto ref_it = ref.types.find(t.key);
    if (ref_it == ref.types.end()) {
      problems.push_back(t.label + ": no reference type '" + t.key + "'");
      continue;
    }
    const RefType& ref_type = ref_it->second;
    const Content content = ReadContent(t, &problems);
    const auto retired_it = ref.retired.find(t.key);

    for (pugi::xml_node e : content.elements) {
      const std::string name = Attr(e, "name");
      const std::string where = t.label + ": element " + name;
      const RefField* f = FindField(ref_type.elements, name);
      if (!f) {
        if (retired_it != ref.retired.end() && retired_it->second.contains(name)) {
          problems.push_back(where + ": retired in the reference (empty position), must not " +
                             "appear");
        } else {
          problems.push_back(where + ": not in the reference type");
        }
        continue;
      }
      const std::string type_text = Attr(e, "type");
      if (type_text.empty()) {
        problems.push_back(where + ": no type attribute, reference " + f->type_text);
      } else if (Resolve(e, type_text) != std::optional<QName>(f->type)) {
        problems.push_back(where + ": type " + type_text + ", reference " + f->type_text);
      }
      if (MinOccurs(e) != f->min_occurs) {
        problems.push_back(where + ": minOccurs " + MinOccurs(e) + ", reference " + f->min_occurs);
      }
      if (MaxOccurs(e) != f->max_occurs) {
        problems.push_back(where + ": maxOccurs " + MaxOccurs(e) + ", reference " + f->max_occurs);
      }
      if (Nillable(e) != f->nillable) {
        problems.push_back(where + ": nillable " + (Nillable(e) ? "true" : "false") +
                           ", reference " + (f->nillable ? "true" : "false"));
      }
    }

    for (pugi::xml_node a : content.attributes) {
      const std::string name = Attr(a, "name");
      const std::string where = t.label + ": attribute " + name;
      const RefField* f = FindField(ref_type.attributes, name);
      if (!f) {
        problems.push_back(where + ": not in the reference type");
        continue;
      }
      if (Resolve(a, Attr(a, "type")) != std::optional<QName>(f->type)) {
        problems.push_back(where + ": type " + Attr(a, "type") + ", reference " + f->type_text);
      }
      const bool required = Attr(a, "use") == "required";
      if (required != (std::stoi(f->min_occurs) >= 1)) {
        problems.push_back(where + ": use '" + Attr(a, "use") + "', reference min_occurs " +
                           f->min_occurs);
      }
    }
  }
}

void CheckOrder(const std::vector<SchemaType>& types, const Reference& ref, Problems& problems) {
  for (const SchemaType& t : types) {
    const auto ref_it = ref.types.find(t.key);
    if (ref_it == ref.types.end()) {
      continue;  // reported by kElements
    }
    const RefField* previous = nullptr;
    for (pugi::xml_node e : ReadContent(t, nullptr).elements) {
      const RefField* f = FindField(ref_it->second.elements, Attr(e, "name"));
      if (!f) {
        continue;  // reported by kElements
      }
      if (previous && f->position <= previous->position) {
        problems.push_back(t.label + ": element " + f->name + " (reference position " +
                           std::to_string(f->position) + ") comes after " + previous->name +
                           " (reference position " + std::to_string(previous->position) + ")");
      }
      previous = f;
    }
  }
}

void CheckRequired(const std::vector<SchemaType>& types, const Reference& ref, Problems& problems) {
  for (const SchemaType& t : types) {
    const auto ref_it = ref.types.find(t.key);
    if (ref_it == ref.types.end()) {
      continue;  // reported by kElements
    }
    const Content content = ReadContent(t, nullptr);
    auto declares = [](const std::vector<pugi::xml_node>& nodes, const std::string& name) {
      return std::any_of(nodes.begin(), nodes.end(),
                         [&](pugi::xml_node n) { return Attr(n, "name") == name; });
    };
    for (const RefField& f : ref_it->second.elements) {
      if (std::stoi(f.min_occurs) >= 1 && !declares(content.elements, f.name)) {
        problems.push_back(t.label + ": required element " + f.name + " (reference position " +
                           std::to_string(f.position) + ", " + f.type_text + ") is missing");
      }
    }
    for (const RefField& f : ref_it->second.attributes) {
      if (std::stoi(f.min_occurs) >= 1 && !declares(content.attributes, f.name)) {
        problems.push_back(t.label + ": required attribute " + f.name + " is missing");
      }
    }
  }
}

std::string JoinValues(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    out += (out.empty() ? "" : ",") + v;
  }
  return "[" + out + "]";
}

void CheckEnums(pugi::xml_node definitions, const Reference& ref, Problems& problems) {
  for (pugi::xml_node schema : Schemas(definitions)) {
    for (pugi::xml_node st : Children(schema, kXsdNs, "simpleType")) {
      const std::string name = Attr(st, "name");
      const std::string where = "simpleType " + name;
      const auto ref_it = ref.enums.find(name);
      if (ref_it == ref.enums.end()) {
        problems.push_back(where + ": not an enum in the reference");
        continue;
      }
      const std::vector<pugi::xml_node> restriction = Children(st, kXsdNs, "restriction");
      if (restriction.size() != 1) {
        problems.push_back(where + ": expected one restriction");
        continue;
      }
      const pugi::xml_node r = restriction.front();
      if (Resolve(r, Attr(r, "base")) !=
          std::optional<QName>(QName{std::string(kXsdNs), "string"})) {
        problems.push_back(where + ": restriction base " + Attr(r, "base") + ", expected s:string");
      }
      std::vector<std::string> values;
      for (pugi::xml_node c : r.children()) {
        if (c.type() != pugi::node_element) {
          continue;
        }
        if (Is(c, kXsdNs, "enumeration")) {
          values.push_back(Attr(c, "value"));
        } else {
          problems.push_back(where + ": unsupported facet <" + std::string(c.name()) + ">");
        }
      }
      if (values != ref_it->second) {
        problems.push_back(where + ": values " + JoinValues(values) + ", reference " +
                           JoinValues(ref_it->second));
      }
    }
  }
}

void CheckClosure(pugi::xml_node definitions, Problems& problems) {
  std::set<std::string> defined;
  std::vector<pugi::xml_node> schemas = Schemas(definitions);
  for (pugi::xml_node schema : schemas) {
    for (const char* kind : {"complexType", "simpleType"}) {
      for (pugi::xml_node t : Children(schema, kXsdNs, kind)) {
        defined.insert(Attr(t, "name"));
      }
    }
  }
  // Walks every descendant so that nested and extension types are covered too.
  struct Walker : pugi::xml_tree_walker {
    const std::set<std::string>* defined;
    Problems* problems;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() != pugi::node_element) {
        return true;
      }
      for (const char* attr : {"type", "base"}) {
        const pugi::xml_attribute a = n.attribute(attr);
        if (!a) {
          continue;
        }
        const std::string where = std::string("<") + n.name() + " name=\"" + Attr(n, "name") +
                                  "\"> " + attr + "=" + a.value();
        const std::optional<QName> q = Resolve(n, a.value());
        if (!q) {
          problems->push_back(where + ": prefix not declared");
        } else if (q->ns == kWsiNs && !defined->contains(q->local)) {
          problems->push_back(where + ": tns type " + q->local + " is not defined");
        } else if (q->ns != kWsiNs && q->ns != kXsdNs) {
          problems->push_back(where + ": type in unexpected namespace " + q->ns);
        }
      }
      return true;
    }
  };
  for (pugi::xml_node schema : schemas) {
    Walker walker;
    walker.defined = &defined;
    walker.problems = &problems;
    schema.traverse(walker);
  }
}

// The element of the single part of the message that `message_ref` (a QName) names.
std::optional<QName> MessageElement(pugi::xml_node definitions, pugi::xml_node at,
                                    const std::string& message_ref, const std::string& where,
                                    Problems& problems) {
  const std::optional<QName> q = Resolve(at, message_ref);
  if (!q || q->ns != Attr(definitions, "targetNamespace")) {
    problems.push_back(where + ": message reference '" + message_ref + "' is not in the target " +
                       "namespace");
    return std::nullopt;
  }
  for (pugi::xml_node m : Children(definitions, kWsdlNs, "message")) {
    if (Attr(m, "name") != q->local) {
      continue;
    }
    const std::vector<pugi::xml_node> parts = Children(m, kWsdlNs, "part");
    if (parts.size() != 1 || !parts.front().attribute("element")) {
      problems.push_back(where + ": message " + q->local + " must have one part with element=");
      return std::nullopt;
    }
    return Resolve(parts.front(), Attr(parts.front(), "element"));
  }
  problems.push_back(where + ": message " + q->local + " is not defined");
  return std::nullopt;
}

void CheckOperations(pugi::xml_node definitions, const Reference& ref,
                     const std::vector<std::string>& required_operations, Problems& problems) {
  std::set<std::string> global_elements;
  for (pugi::xml_node schema : Schemas(definitions)) {
    for (pugi::xml_node e : Children(schema, kXsdNs, "element")) {
      global_elements.insert(Attr(e, "name"));
    }
  }

  // portType: every operation's wrappers are the reference's.
  std::set<std::string> port_operations;
  std::set<std::string> port_types;
  for (pugi::xml_node pt : Children(definitions, kWsdlNs, "portType")) {
    port_types.insert(Attr(pt, "name"));
    for (pugi::xml_node op : Children(pt, kWsdlNs, "operation")) {
      const std::string name = Attr(op, "name");
      const std::string where = "operation " + name;
      if (!port_operations.insert(name).second) {
        problems.push_back(where + ": declared twice");
      }
      const auto ref_it = ref.operations.find(name);
      if (ref_it == ref.operations.end()) {
        problems.push_back(where + ": not a reference operation");
        continue;
      }
      const std::pair<const char*, std::string> directions[] = {
          {"input", ref_it->second.request}, {"output", ref_it->second.response}};
      for (const auto& [direction, expected] : directions) {
        const std::vector<pugi::xml_node> io = Children(op, kWsdlNs, direction);
        if (io.size() != 1) {
          problems.push_back(where + ": expected one " + direction);
          continue;
        }
        const std::optional<QName> element =
            MessageElement(definitions, io.front(), Attr(io.front(), "message"),
                           where + " " + direction, problems);
        if (!element) {
          continue;
        }
        if (*element != QName{std::string(kWsiNs), expected}) {
          problems.push_back(where + ": " + direction + " element " + element->local +
                             ", reference " + expected);
        }
        if (std::string_view(direction) == "output" && element->local != name + "Response") {
          problems.push_back(where + ": output element " + element->local + ", expected " + name +
                             "Response");
        }
        if (!global_elements.contains(element->local)) {
          problems.push_back(where + ": " + direction + " element " + element->local +
                             " is not a global element of the schema");
        }
      }
    }
  }
  for (const std::string& name : required_operations) {
    if (!port_operations.contains(name)) {
      problems.push_back("required operation " + name + " is missing from the portType");
    }
    if (!ref.operations.contains(name)) {
      problems.push_back("required operation " + name + " is not in the reference");
    }
  }

  // Bindings: SOAP 1.1 only, document/literal, Ongoing's soapAction, all portType operations.
  struct Soap12Finder : pugi::xml_tree_walker {
    Problems* problems;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_element) {
        const std::optional<QName> q = Resolve(n, n.name());
        if (q && q->ns == kSoap12Ns) {
          problems->push_back("SOAP 1.2 element <" + std::string(n.name()) + "> found");
        }
      }
      return true;
    }
  } soap12_finder;
  soap12_finder.problems = &problems;
  definitions.traverse(soap12_finder);

  const std::vector<pugi::xml_node> bindings = Children(definitions, kWsdlNs, "binding");
  if (bindings.empty()) {
    problems.push_back("no wsdl:binding");
  }
  for (pugi::xml_node b : bindings) {
    const std::string where = "binding " + Attr(b, "name");
    const std::optional<QName> type = Resolve(b, Attr(b, "type"));
    if (!type || !port_types.contains(type->local)) {
      problems.push_back(where + ": type " + Attr(b, "type") + " is not a defined portType");
    }
    const std::vector<pugi::xml_node> soap_binding = Children(b, kSoap11Ns, "binding");
    if (soap_binding.size() != 1) {
      problems.push_back(where + ": expected one SOAP 1.1 soap:binding");
      continue;
    }
    if (Attr(soap_binding.front(), "transport") != kSoapHttpTransport) {
      problems.push_back(where + ": transport is not SOAP over HTTP");
    }
    const std::string binding_style = Attr(soap_binding.front(), "style");
    std::set<std::string> bound;
    for (pugi::xml_node op : Children(b, kWsdlNs, "operation")) {
      const std::string name = Attr(op, "name");
      const std::string op_where = where + " operation " + name;
      bound.insert(name);
      if (!port_operations.contains(name)) {
        problems.push_back(op_where + ": not in the portType");
      }
      const std::vector<pugi::xml_node> soap_op = Children(op, kSoap11Ns, "operation");
      if (soap_op.size() != 1) {
        problems.push_back(op_where + ": expected one soap:operation");
        continue;
      }
      const std::string action = Attr(soap_op.front(), "soapAction");
      if (action != std::string(kWsiNs) + "/" + name) {
        problems.push_back(op_where + ": soapAction '" + action + "'");
      }
      std::string style = Attr(soap_op.front(), "style");
      if (style.empty()) {
        style = binding_style.empty() ? "document" : binding_style;
      }
      if (style != "document") {
        problems.push_back(op_where + ": style " + style);
      }
      for (const char* direction : {"input", "output"}) {
        const std::vector<pugi::xml_node> io = Children(op, kWsdlNs, direction);
        const std::vector<pugi::xml_node> body = io.size() == 1
                                                     ? Children(io.front(), kSoap11Ns, "body")
                                                     : std::vector<pugi::xml_node>{};
        if (body.size() != 1) {
          problems.push_back(op_where + ": " + direction + " needs one soap:body");
        } else if (Attr(body.front(), "use") != "literal") {
          problems.push_back(op_where + ": " + direction + " body use '" +
                             Attr(body.front(), "use") + "', expected literal");
        }
      }
    }
    for (const std::string& name : port_operations) {
      if (!bound.contains(name)) {
        problems.push_back(where + ": operation " + name + " not bound");
      }
    }
  }
}

// The checker: every problem `wsdl_xml` has against `ref` in `aspect`, empty when it conforms.
Problems CheckWsdl(const std::string& wsdl_xml, const Reference& ref,
                   const std::vector<std::string>& required_operations,
                   Aspect aspect = Aspect::kAll) {
  Problems problems;
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_string(wsdl_xml.c_str());
  if (!parsed) {
    problems.push_back(std::string("WSDL is not well-formed: ") + parsed.description() +
                       " at offset " + std::to_string(parsed.offset));
    return problems;
  }
  const pugi::xml_node definitions = doc.document_element();
  if (!Is(definitions, kWsdlNs, "definitions")) {
    problems.push_back("root element is not wsdl:definitions");
    return problems;
  }
  auto wanted = [aspect](Aspect a) { return aspect == Aspect::kAll || aspect == a; };
  if (wanted(Aspect::kSchema)) {
    CheckSchema(definitions, problems);
  }
  Problems collect_problems;
  const std::vector<SchemaType> types = CollectComplexTypes(definitions, collect_problems);
  if (wanted(Aspect::kElements)) {
    problems.insert(problems.end(), collect_problems.begin(), collect_problems.end());
    CheckElements(types, ref, problems);
  }
  if (wanted(Aspect::kOrder)) {
    CheckOrder(types, ref, problems);
  }
  if (wanted(Aspect::kRequired)) {
    CheckRequired(types, ref, problems);
  }
  if (wanted(Aspect::kEnums)) {
    CheckEnums(definitions, ref, problems);
  }
  if (wanted(Aspect::kClosure)) {
    CheckClosure(definitions, problems);
  }
  if (wanted(Aspect::kOperations)) {
    CheckOperations(definitions, ref, required_operations, problems);
  }
  return problems;
}

std::string Join(const Problems& problems) {
  std::string out;
  for (const std::string& p : problems) {
    out += "\n  " + p;
  }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot open " + path);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// ---------------------------------------------------------------------------------------------
// The real files

const std::vector<std::string> kRequiredOperations = {
    "ProcessArticle",           "ProcessOrder",        "ProcessInOrder",
    "GetOrdersByQuery",         "GetInOrdersByQuery",  "GetInventoryByQuery",
    "GetInventoryPerWarehouse", "GetInventoryChanges", "SetInventoryChangesToReported",
    "GetTransporterContracts",  "GetOrderStatuses",    "GetInOrderStatuses",
    "GetSystemStatus"};

struct RealFiles {
  std::string tsv_text;
  std::string wsdl;
  Reference ref;
};

const RealFiles& Real() {
  static const RealFiles files = [] {
    RealFiles f;
    f.tsv_text = ReadFile(WMSBRIDGE_SOURCE_DIR "/wsdl/reference/ongoing-wsi-types.tsv");
    f.wsdl = ReadFile(WMSBRIDGE_SOURCE_DIR "/wsdl/ongoing.wsdl");
    f.ref = ParseReference(f.tsv_text);
    return f;
  }();
  return files;
}

void ExpectConforms(Aspect aspect) {
  const Problems problems = CheckWsdl(Real().wsdl, Real().ref, kRequiredOperations, aspect);
  BOOST_CHECK_MESSAGE(problems.empty(),
                      "wsdl/ongoing.wsdl: " << problems.size() << " problem(s):" << Join(problems));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(wsdl_conformance)

BOOST_AUTO_TEST_CASE(reference_table_is_read_row_for_row_with_aligned_columns) {
  const RealFiles& real = Real();
  std::istringstream lines(real.tsv_text);
  std::size_t data_lines = 0;
  for (std::string line; std::getline(lines, line);) {
    data_lines += line.empty() || line == "\r" ? 0 : 1;
  }
  --data_lines;  // the header
  BOOST_TEST(real.ref.rows == data_lines);
  // Facts from ongoing-wsi-notes.md section 4: prove the columns land where they belong.
  const RefField* delivery_date =
      FindField(real.ref.types.at("OrderInfoClass").elements, "DeliveryDate");
  BOOST_REQUIRE(delivery_date);
  BOOST_TEST(delivery_date->position == 18);
  BOOST_TEST(delivery_date->type_text == "s:dateTime");
  BOOST_TEST(delivery_date->min_occurs == "1");
  BOOST_TEST(delivery_date->max_occurs == "1");
  BOOST_TEST(!delivery_date->nillable);
  const RefField* items =
      FindField(real.ref.types.at("CustomerOrderTextLine").elements, "NumberOfItems");
  BOOST_REQUIRE(items);
  BOOST_TEST(items->nillable);
  BOOST_TEST(real.ref.operations.at("ProcessOrder").request == "ProcessOrder");
  BOOST_TEST(real.ref.operations.at("ProcessOrder").response == "ProcessOrderResponse");
  BOOST_TEST(real.ref.enums.at("OrderOperation") ==
                 (std::vector<std::string>{"Create", "CreateOrUpdate", "Update", "Remove"}),
             boost::test_tools::per_element());
  BOOST_TEST(real.ref.retired.at("WsiSystem").contains("PollingInterval"));
}

BOOST_AUTO_TEST_CASE(schema_is_wsi_namespace_with_tns_prefix_and_qualified_elements) {
  ExpectConforms(Aspect::kSchema);
}

BOOST_AUTO_TEST_CASE(every_element_matches_reference_name_type_occurs_nillable) {
  ExpectConforms(Aspect::kElements);
}

BOOST_AUTO_TEST_CASE(declared_elements_are_in_strictly_ascending_reference_position) {
  ExpectConforms(Aspect::kOrder);
}

BOOST_AUTO_TEST_CASE(every_required_reference_element_is_present) {
  ExpectConforms(Aspect::kRequired);
}

BOOST_AUTO_TEST_CASE(every_enum_has_the_reference_values_in_reference_order) {
  ExpectConforms(Aspect::kEnums);
}

BOOST_AUTO_TEST_CASE(every_referenced_tns_type_is_defined) {
  ExpectConforms(Aspect::kClosure);
}

BOOST_AUTO_TEST_CASE(required_operations_use_reference_wrappers_over_soap11_document_literal) {
  ExpectConforms(Aspect::kOperations);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------------
// The checker checked: a small reference and a WSDL that conforms to it, then one defect at a time.

namespace {

const char* const kMiniTable =
    "type\tposition\tfield\txsd_type\tmin_occurs\tmax_occurs\tnote\n"
    "GetLines\t0\tGetLines\tGetLinesResponse\t\t\toperation; src=test\n"
    "element:GetLines\t1\tUserName\ts:string\t0\t1\tsrc=test\n"
    "element:GetLines\t2\tFilter\ttns:LineFilter\t0\t1\tsrc=test\n"
    "element:GetLinesResponse\t1\tGetLinesResult\ttns:ArrayOfLine\t0\t1\tsrc=test\n"
    "ArrayOfLine\t1\tLine\ttns:Line\t0\tunbounded\tnillable; src=test\n"
    "Line\t1\tCode\ts:string\t0\t1\tsrc=test\n"
    "Line\t2\tComment\ts:string\t0\t1\tsrc=test\n"
    "Line\t3\tQuantity\ts:decimal\t1\t1\tnillable; src=test\n"
    "Line\t4\tKind\ttns:LineKind\t1\t1\tsrc=test\n"
    "Line\t5\tPrice\ts:decimal\t0\t1\tsrc=test\n"
    "Line\t\tLegacy\ts:int\t0\t1\tsrc=P only: retired\n"
    "LineFilter\t0\t\t\t\t\tno child elements (empty sequence)\n"
    "LineKind\t1\t\tenum\t\t\tStock\n"
    "LineKind\t2\t\tenum\t\t\tText\n";

const char* const kMiniWsdl = R"xml(<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="http://ongoingsystems.se/WSI" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" targetNamespace="http://ongoingsystems.se/WSI">
  <wsdl:types>
    <s:schema elementFormDefault="qualified" targetNamespace="http://ongoingsystems.se/WSI">
      <s:element name="GetLines">
        <s:complexType>
          <s:sequence>
            <s:element minOccurs="0" maxOccurs="1" name="UserName" type="s:string" />
            <s:element minOccurs="0" maxOccurs="1" name="Filter" type="tns:LineFilter" />
          </s:sequence>
        </s:complexType>
      </s:element>
      <s:element name="GetLinesResponse">
        <s:complexType>
          <s:sequence>
            <s:element minOccurs="0" maxOccurs="1" name="GetLinesResult" type="tns:ArrayOfLine" />
          </s:sequence>
        </s:complexType>
      </s:element>
      <s:complexType name="ArrayOfLine">
        <s:sequence>
          <s:element minOccurs="0" maxOccurs="unbounded" name="Line" nillable="true" type="tns:Line" />
        </s:sequence>
      </s:complexType>
      <s:complexType name="Line">
        <s:sequence>
          <s:element minOccurs="0" maxOccurs="1" name="Code" type="s:string" />
          <s:element minOccurs="0" maxOccurs="1" name="Comment" type="s:string" />
          <s:element minOccurs="1" maxOccurs="1" name="Quantity" nillable="true" type="s:decimal" />
          <s:element minOccurs="1" maxOccurs="1" name="Kind" type="tns:LineKind" />
        </s:sequence>
      </s:complexType>
      <s:complexType name="LineFilter" />
      <s:simpleType name="LineKind">
        <s:restriction base="s:string">
          <s:enumeration value="Stock" />
          <s:enumeration value="Text" />
        </s:restriction>
      </s:simpleType>
    </s:schema>
  </wsdl:types>
  <wsdl:message name="GetLinesSoapIn"><wsdl:part name="parameters" element="tns:GetLines" /></wsdl:message>
  <wsdl:message name="GetLinesSoapOut"><wsdl:part name="parameters" element="tns:GetLinesResponse" /></wsdl:message>
  <wsdl:portType name="ServiceSoap">
    <wsdl:operation name="GetLines"><wsdl:input message="tns:GetLinesSoapIn" /><wsdl:output message="tns:GetLinesSoapOut" /></wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="ServiceSoap" type="tns:ServiceSoap">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" />
    <wsdl:operation name="GetLines">
      <soap:operation soapAction="http://ongoingsystems.se/WSI/GetLines" style="document" />
      <wsdl:input><soap:body use="literal" /></wsdl:input>
      <wsdl:output><soap:body use="literal" /></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>
)xml";

const std::vector<std::string> kMiniOperations = {"GetLines"};

const Reference& MiniReference() {
  static const Reference ref = ParseReference(std::string(kMiniTable));
  return ref;
}

// kMiniWsdl with `from` (which must occur exactly once, or the mutation proves nothing)
// replaced by `to`.
std::string Mutated(const std::string& from, const std::string& to) {
  std::string text = kMiniWsdl;
  const std::size_t at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "mutation source not found: " << from);
  BOOST_REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos,
                        "mutation source not unique: " << from);
  text.replace(at, from.size(), to);
  return text;
}

// The checker reports a problem containing `expected`, both in full and in `aspect` alone.
void ExpectReported(const std::string& wsdl, Aspect aspect, const std::string& expected) {
  for (Aspect a : {Aspect::kAll, aspect}) {
    const Problems problems = CheckWsdl(wsdl, MiniReference(), kMiniOperations, a);
    const bool found = std::any_of(problems.begin(), problems.end(), [&](const std::string& p) {
      return p.find(expected) != std::string::npos;
    });
    BOOST_CHECK_MESSAGE(
        found, "expected a problem containing '" << expected << "', got:" << Join(problems));
  }
}

const std::string kCodeLine =
    R"(<s:element minOccurs="0" maxOccurs="1" name="Code" type="s:string" />)";
const std::string kCommentLine =
    R"(<s:element minOccurs="0" maxOccurs="1" name="Comment" type="s:string" />)";
const std::string kQuantityLine =
    R"(<s:element minOccurs="1" maxOccurs="1" name="Quantity" nillable="true" type="s:decimal" />)";

}  // namespace

BOOST_AUTO_TEST_SUITE(checker_self_test)

BOOST_AUTO_TEST_CASE(conforming_snippet_has_no_problems) {
  const Problems problems = CheckWsdl(kMiniWsdl, MiniReference(), kMiniOperations);
  BOOST_CHECK_MESSAGE(problems.empty(), "unexpected:" << Join(problems));
}

BOOST_AUTO_TEST_CASE(checker_reports_wrong_occurrence) {
  const std::string wsdl =
      Mutated(kCommentLine, R"(<s:element minOccurs="1" maxOccurs="unbounded" )"
                            R"(name="Comment" type="s:string" />)");
  ExpectReported(wsdl, Aspect::kElements,
                 "complexType Line: element Comment: minOccurs 1, reference 0");
  ExpectReported(wsdl, Aspect::kElements,
                 "complexType Line: element Comment: maxOccurs unbounded, reference 1");
  // Omitted attributes mean 1..1 in XML Schema, which is not the reference's 0..1.
  ExpectReported(Mutated(kCodeLine, R"(<s:element name="Code" type="s:string" />)"),
                 Aspect::kElements, "complexType Line: element Code: minOccurs 1, reference 0");
}

BOOST_AUTO_TEST_CASE(checker_reports_wrong_order) {
  ExpectReported(
      Mutated(kCodeLine + "\n          " + kCommentLine, kCommentLine + "\n          " + kCodeLine),
      Aspect::kOrder, "complexType Line: element Code (reference position 1) comes after Comment");
  // A repeated element is out of order too.
  ExpectReported(Mutated(kCodeLine, kCodeLine + kCodeLine), Aspect::kOrder,
                 "element Code (reference position 1) comes after Code");
}

BOOST_AUTO_TEST_CASE(checker_reports_missing_required_element) {
  ExpectReported(Mutated(kQuantityLine, ""), Aspect::kRequired,
                 "complexType Line: required element Quantity (reference position 3, s:decimal) "
                 "is missing");
}

BOOST_AUTO_TEST_CASE(checker_reports_every_other_kind_of_drift) {
  struct Case {
    std::string from, to;
    Aspect aspect;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {kQuantityLine,
       R"(<s:element minOccurs="1" maxOccurs="1" name="Quantity" type="s:decimal" />)",
       Aspect::kElements, "element Quantity: nillable false, reference true"},
      {kCodeLine, R"(<s:element minOccurs="0" maxOccurs="1" name="Code" type="s:int" />)",
       Aspect::kElements, "element Code: type s:int, reference s:string"},
      {kCodeLine,
       kCodeLine + R"(<s:element minOccurs="0" maxOccurs="1" name="Extra" type="s:string" />)",
       Aspect::kElements, "element Extra: not in the reference type"},
      {kCodeLine,
       kCodeLine + R"(<s:element minOccurs="0" maxOccurs="1" name="Legacy" type="s:int" />)",
       Aspect::kElements, "element Legacy: retired in the reference"},
      {R"(<s:complexType name="LineFilter" />)",
       R"(<s:complexType name="LineFilter" /><s:complexType name="Unknown" />)", Aspect::kElements,
       "complexType Unknown: no reference type"},
      {"<s:sequence>\n          " + kCodeLine,
       "<s:choice>\n          " + kCodeLine + "</s:choice><s:sequence>", Aspect::kElements,
       "complexType Line: unsupported <s:choice>"},
      {R"(<s:enumeration value="Stock" />
          <s:enumeration value="Text" />)",
       R"(<s:enumeration value="Text" />
          <s:enumeration value="Stock" />)",
       Aspect::kEnums, "simpleType LineKind: values [Text,Stock], reference [Stock,Text]"},
      {R"(<s:enumeration value="Text" />)", "", Aspect::kEnums,
       "simpleType LineKind: values [Stock], reference [Stock,Text]"},
      {R"(type="tns:LineFilter")", R"(type="tns:NoSuchType")", Aspect::kClosure,
       "tns type NoSuchType is not defined"},
      {R"(elementFormDefault="qualified")", R"(elementFormDefault="unqualified")", Aspect::kSchema,
       "elementFormDefault is 'unqualified'"},
      {R"(xmlns:tns="http://ongoingsystems.se/WSI")", R"(xmlns:tns="urn:other")", Aspect::kSchema,
       "prefix tns is not bound"},
      {R"(element="tns:GetLines")", R"(element="tns:GetLinesResponse")", Aspect::kOperations,
       "operation GetLines: input element GetLinesResponse, reference GetLines"},
      {R"(<wsdl:operation name="GetLines"><wsdl:input)",
       R"(<wsdl:operation name="Other"><wsdl:input)", Aspect::kOperations,
       "required operation GetLines is missing from the portType"},
      {R"(soapAction="http://ongoingsystems.se/WSI/GetLines")",
       R"(soapAction="http://ongoingsystems.se/GetLines")", Aspect::kOperations,
       "soapAction 'http://ongoingsystems.se/GetLines'"},
      {R"(style="document")", R"(style="rpc")", Aspect::kOperations, "style rpc"},
      {R"(<wsdl:output><soap:body use="literal" />)", R"(<wsdl:output><soap:body use="encoded" />)",
       Aspect::kOperations, "output body use 'encoded'"},
      {"  </wsdl:binding>",
       "  </wsdl:binding>\n  <wsdl:binding name=\"ServiceSoap12\" type=\"tns:ServiceSoap\" "
       "xmlns:soap12=\"http://schemas.xmlsoap.org/wsdl/soap12/\"><soap12:binding "
       "transport=\"http://schemas.xmlsoap.org/soap/http\" /></wsdl:binding>",
       Aspect::kOperations, "SOAP 1.2 element <soap12:binding> found"},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT("mutation expecting: " << c.expected) {
      ExpectReported(Mutated(c.from, c.to), c.aspect, c.expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(reference_reader_rejects_malformed_tables) {
  const std::string header = "type\tposition\tfield\txsd_type\tmin_occurs\tmax_occurs\tnote\n";
  BOOST_CHECK_THROW(ParseReference(header + "Line\t1\tCode\ts:string\t0\t1\n"), std::runtime_error);
  BOOST_CHECK_THROW(ParseReference(header + "Line\tx\tCode\ts:string\t0\t1\tnote\n"),
                    std::runtime_error);
  BOOST_CHECK_THROW(ParseReference(header + "Line\t1\tCode\txsd:string\t0\t1\tnote\n"),
                    std::runtime_error);
  BOOST_CHECK_THROW(ParseReference(header + "Line\t1\tA\ts:string\t0\t1\tn\n"
                                            "Line\t1\tB\ts:string\t0\t1\tn\n"),
                    std::runtime_error);
  BOOST_CHECK_THROW(ParseReference(std::string("type\tfield\n")), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
