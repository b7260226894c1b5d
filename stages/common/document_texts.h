#pragma once
// One text rule for every document sent to Ongoing (issue 11 point 4): a walk over the domain
// documents (stages/wms/wms_types.h) that visits each text field the adapter puts on the wire
// (stages/ongoing/soap_conversions.cpp), with its Ongoing element and its kind
// (text_rules.h), and the check each transform applies once, at its end, to the document it
// built. A document is sent byte for byte or refused naming the document, the field and why.
//
// Numbers and dates (quantities, weights, delivery dates) are not visited: the transforms make
// their text (canonical decimals, ISO dates), never the ERP.

#include <functional>
#include <string>
#include <string_view>

#include "stages/common/text_rules.h"
#include "stages/wms/wms_types.h"

namespace wmsbridge::stages {

/// One text field of a document on its way to Ongoing.
struct TextField {
  std::string label;         // what a person calls it: "delivery name", "line 2: article name"
  std::string_view element;  // where it goes: "Customer/Name", "CustomerOrderLine/ArticleName"
  TextKind kind;
  std::string_view value;  // empty values are left out of the message, so never visited
};

using TextVisitor = std::function<void(const TextField&)>;

/// Calls `visit` for every non-empty text field that ProcessArticle sends of `article`: the
/// document's number first, then in wire order. Never throws but what `visit` throws.
void ForEachText(const wms::ArticleDefinition& article, const TextVisitor& visit);
/// The same for ProcessOrder (customer and internal orders): OrderInfo always; customer,
/// transporter and lines unless the operation is Remove, as the adapter does.
void ForEachText(const wms::CustomerOrder& order, const TextVisitor& visit);
/// The same for ProcessInOrder.
void ForEachText(const wms::InOrder& order, const TextVisitor& visit);

/// Empty when every text field of the document may be sent byte for byte; else
/// "<document>: <field> (<element>) <reason>" for the first field refused, followed by the
/// names of any others ("; also refused: remark (OrderRemark)"). `document` names it for a
/// person ("customer order 100501"; see DocumentLabel). Never throws (but std::bad_alloc).
std::string CheckTexts(std::string_view document, const wms::ArticleDefinition& article);
std::string CheckTexts(std::string_view document, const wms::CustomerOrder& order);
std::string CheckTexts(std::string_view document, const wms::InOrder& order);

/// "<kind> <number>" with the number made printable (field_checks.h Printable), so that a
/// message about a bad number can still be stored and read.
std::string DocumentLabel(std::string_view kind, std::string_view number);

/// Empty when `nul_columns` is empty; else the refusal of `where` ("customer order 100501",
/// "... : line 2") for the ERP columns named in it (space-separated), which hold a NUL
/// character. The extract queries name them (their last column, `nul_texts`): the SQLite ODBC
/// driver ends a text at a NUL, so the bytes after it never reach wmsbridge and the check of
/// the document cannot see them.
std::string NulColumnsProblem(std::string_view where, std::string_view nul_columns);

}  // namespace wmsbridge::stages
