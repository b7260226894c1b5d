#include "tests/wms_sim/sim_xml_rules.h"

#include <cstdint>
#include <cstdio>

namespace wmsbridge::sim {
namespace {

// XML 1.0 (Fifth Edition) §2.2, production [2] Char.
bool IsXml10Char(std::uint32_t c) {
  if (c < 0x20)
    return c == 0x09 || c == 0x0A || c == 0x0D;
  if (c <= 0xD7FF)
    return true;
  if (c < 0xE000)
    return false;  // surrogates
  if (c <= 0xFFFD)
    return true;
  return c >= 0x10000 && c <= 0x10FFFF;
}

// The character at `pos` as .NET's strict UTF8Encoding reads it: its scalar value and byte
// count, or nothing for a byte sequence that is not UTF-8 (overlong forms, surrogates and
// values past U+10FFFF included).
struct Utf8Char {
  bool valid = false;
  std::uint32_t value = 0;
  std::size_t bytes = 1;
};

Utf8Char ReadUtf8(std::string_view text, std::size_t pos) {
  const auto at = [&](std::size_t i) { return static_cast<std::uint8_t>(text[pos + i]); };
  const std::uint8_t first = at(0);
  if (first <= 0x7F)
    return {true, first, 1};
  // Byte count and the smallest value each length may carry (anything less is overlong).
  std::size_t count = 0;
  std::uint32_t smallest = 0;
  std::uint32_t value = 0;
  if ((first & 0xE0) == 0xC0) {
    count = 2, smallest = 0x80, value = first & 0x1F;
  } else if ((first & 0xF0) == 0xE0) {
    count = 3, smallest = 0x800, value = first & 0x0F;
  } else if ((first & 0xF8) == 0xF0) {
    count = 4, smallest = 0x10000, value = first & 0x07;
  } else {
    return {};
  }
  if (text.size() - pos < count)
    return {};
  for (std::size_t i = 1; i < count; ++i) {
    if ((at(i) & 0xC0) != 0x80)
      return {};
    value = (value << 6) | (at(i) & 0x3F);
  }
  if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return {};
  return {true, value, count};
}

std::string InvalidCharacter(std::uint32_t value) {
  char text[80];
  std::snprintf(text, sizeof text, "hexadecimal value 0x%02X, is an invalid character.",
                static_cast<unsigned>(value));
  return text;
}

// Reads the character reference that starts at `pos` ("&#...;"): its value and length in
// bytes, or nothing when it is no reference .NET would read.
struct Reference {
  bool valid = false;
  bool hex = false;
  std::uint32_t value = 0;
  std::size_t bytes = 0;
};

Reference ReadReference(std::string_view text, std::size_t pos) {
  Reference ref;
  std::size_t i = pos + 2;  // past "&#"
  ref.hex = i < text.size() && text[i] == 'x';
  if (ref.hex)
    ++i;
  const std::size_t digits_from = i;
  std::uint64_t value = 0;
  for (; i < text.size() && text[i] != ';'; ++i) {
    const char c = text[i];
    int digit = -1;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (ref.hex && c >= 'a' && c <= 'f')
      digit = c - 'a' + 10;
    else if (ref.hex && c >= 'A' && c <= 'F')
      digit = c - 'A' + 10;
    if (digit < 0)
      return ref;
    value = value * (ref.hex ? 16 : 10) + static_cast<std::uint64_t>(digit);
    if (value > 0x10FFFF)
      value = 0x110000;  // out of range whatever follows; keeps the sum from overflowing
  }
  if (i == text.size() || i == digits_from)
    return ref;
  ref.valid = true;
  ref.value = static_cast<std::uint32_t>(value);
  ref.bytes = i + 1 - pos;
  return ref;
}

enum class Context { kMarkup, kComment, kCData, kInstruction };

}  // namespace

std::optional<XmlCharacterProblem> FindXml10CharacterProblem(std::string_view body) {
  Context context = Context::kMarkup;
  int line = 1;
  int position = 0;
  const auto starts = [&](std::size_t pos, std::string_view text) {
    return body.substr(pos, text.size()) == text;
  };
  for (std::size_t pos = 0; pos < body.size();) {
    ++position;
    const Utf8Char c = ReadUtf8(body, pos);
    if (!c.valid)
      return XmlCharacterProblem{"Invalid character in the given encoding.", line, position};
    if (!IsXml10Char(c.value))
      return XmlCharacterProblem{InvalidCharacter(c.value), line, position};
    switch (context) {
      case Context::kMarkup:
        if (starts(pos, "<!--")) {
          context = Context::kComment;
        } else if (starts(pos, "<![CDATA[")) {
          context = Context::kCData;
        } else if (starts(pos, "<?")) {
          context = Context::kInstruction;
        } else if (starts(pos, "&#")) {
          const Reference ref = ReadReference(body, pos);
          if (!ref.valid) {
            return XmlCharacterProblem{std::string("Invalid syntax for a ") +
                                           (ref.hex ? "hexadecimal" : "decimal") +
                                           " numeric entity reference.",
                                       line, position};
          }
          if (!IsXml10Char(ref.value))
            return XmlCharacterProblem{InvalidCharacter(ref.value), line, position};
          position += static_cast<int>(ref.bytes) - 1;  // the reference is ASCII
          pos += ref.bytes;
          continue;
        }
        break;
      case Context::kComment:
        if (starts(pos, "-->"))
          context = Context::kMarkup;
        break;
      case Context::kCData:
        if (starts(pos, "]]>"))
          context = Context::kMarkup;
        break;
      case Context::kInstruction:
        if (starts(pos, "?>"))
          context = Context::kMarkup;
        break;
    }
    if (c.value == '\n') {
      ++line;
      position = 0;
    }
    pos += c.bytes;
  }
  return std::nullopt;
}

std::string UnreadableRequestFault(const XmlCharacterProblem& problem) {
  const std::string line = std::to_string(problem.line);
  const std::string position = std::to_string(problem.position);
  return "Server was unable to read request. ---> There is an error in XML document (" + line +
         ", " + position + "). ---> " + problem.message + " Line " + line + ", position " +
         position + ".";
}

}  // namespace wmsbridge::sim
