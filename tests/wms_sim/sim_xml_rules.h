#pragma once
// XML 1.0's character rules as Ongoing's .NET service applies them to a request, before any
// operation sees it: a byte sequence that is not UTF-8, a raw character XML 1.0 cannot carry
// (a control character but tab, LF and CR; U+FFFE, U+FFFF) or a character reference to one
// (`&#x1;`, `&#0;`, `&#xD800;`) makes .NET's XmlReader throw, and the service answers the
// whole request with a Client fault. gSOAP decodes all of these without a word (`&#x1;` as byte
// 0x01, `&#0;` as the end of the string, byte FF as U+00FF), so the simulator checks the raw
// body itself (sim_strict_xml.h). Kept apart from the product's own text check
// (stages/common/field_checks.h) on purpose: a test double that shares the code it tests sees
// nothing.

#include <optional>
#include <string>
#include <string_view>

namespace wmsbridge::sim {

/// Where and why a request body breaks XML 1.0's character rules.
struct XmlCharacterProblem {
  std::string message;  // .NET's words, e.g. "hexadecimal value 0x01, is an invalid character."
  int line = 1;         // 1-based
  int position = 1;     // 1-based, in characters, of the character or reference at fault
};

/// The first violation of XML 1.0's character rules in `body` (a request body as received,
/// read as UTF-8), or nullopt when there is none. Character references count in content and
/// attribute values, not inside comments, CDATA sections or processing instructions; a
/// reference that is no number ("&#x;", "&#12a;") is a violation too. Never throws (but
/// std::bad_alloc).
std::optional<XmlCharacterProblem> FindXml10CharacterProblem(std::string_view body);

/// The faultstring with which .NET's ASMX refuses a request it cannot read: "Server was unable
/// to read request. ---> There is an error in XML document (L, P). ---> <message> Line L,
/// position P."
std::string UnreadableRequestFault(const XmlCharacterProblem& problem);

}  // namespace wmsbridge::sim
