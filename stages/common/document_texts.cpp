#include "stages/common/document_texts.h"

#include <vector>

#include "stages/common/field_checks.h"

namespace wmsbridge::stages {
namespace {

using K = TextKind;

// Visits one field unless it is empty (the adapter leaves empty texts out of the message).
void Visit(const TextVisitor& visit, std::string label, std::string_view element, TextKind kind,
           const std::string& value) {
  if (!value.empty())
    visit(TextField{std::move(label), element, kind, value});
}

std::string Line(const std::string& code, const char* what) {
  return "line " + Printable(code) + ": " + what;
}

template <class Document>
std::string Check(std::string_view document, const Document& d) {
  std::string first;
  std::vector<std::string> others;
  ForEachText(d, [&](const TextField& field) {
    const std::string reason = TextProblem(field.kind, field.value);
    if (reason.empty())
      return;
    const std::string name = field.label + " (" + std::string(field.element) + ")";
    if (first.empty()) {
      first = std::string(document) + ": " + name + " " + reason;
    } else {
      others.push_back(name);
    }
  });
  if (!others.empty()) {
    first += "; also refused:";
    for (std::size_t i = 0; i < others.size(); ++i)
      first += (i == 0 ? " " : ", ") + others[i];
  }
  return first;
}

}  // namespace

void ForEachText(const wms::ArticleDefinition& a, const TextVisitor& visit) {
  Visit(visit, "article number", "ArticleNumber", K::kNumber, a.article_number);
  Visit(visit, "article name", "ArticleName", K::kName, a.name);
  Visit(visit, "barcode", "BarCode", K::kCode, a.barcode);
  Visit(visit, "supplier article number", "SupplierArticleNumber", K::kNumber,
        a.supplier_article_number);
  Visit(visit, "unit", "ArticleUnitCode", K::kCode, a.unit_code);
  Visit(visit, "intrastat number", "StatisticsNumber", K::kCode, a.statistics_number);
}

void ForEachText(const wms::CustomerOrder& o, const TextVisitor& visit) {
  Visit(visit, "order number", "GoodsOwnerOrderNumber", K::kNumber, o.order_number);
  Visit(visit, "reference", "ReferenceNumber", K::kName, o.reference);
  Visit(visit, "order id", "GoodsOwnerOrderId", K::kNumber, o.goods_owner_order_id);
  Visit(visit, "remark", "OrderRemark", K::kText, o.remark);
  Visit(visit, "delivery instruction", "DeliveryInstruction", K::kText, o.delivery_instruction);
  Visit(visit, "order type", "OrderType/OrderTypeCode", K::kCode, o.order_type_code);
  Visit(visit, "warehouse", "OutboundWarehouse/WarehouseCode", K::kCode, o.warehouse_code);
  Visit(visit, "pickup point", "OrderServicePointCode", K::kCode, o.service_point_code);
  if (o.operation == wms::OrderOperation::kRemove)
    return;
  const wms::Consignee& c = o.consignee;
  // The customer number goes twice (ExternalCustomerCode and CustomerNumber): one rule.
  Visit(visit, "customer number", "Customer/ExternalCustomerCode", K::kNumber, c.customer_number);
  Visit(visit, "delivery name", "Customer/Name", K::kName, c.name);
  Visit(visit, "delivery address", "Customer/Address", K::kName, c.address);
  Visit(visit, "delivery address 2", "Customer/Address2", K::kName, c.address2);
  Visit(visit, "postcode", "Customer/PostCode", K::kCode, c.postcode);
  Visit(visit, "city", "Customer/City", K::kName, c.city);
  Visit(visit, "phone", "Customer/TelePhone", K::kCode, c.phone);
  Visit(visit, "e-mail", "Customer/Email", K::kName, c.email);
  Visit(visit, "mobile phone", "Customer/MobilePhone", K::kCode, c.mobile_phone);
  Visit(visit, "country code", "Customer/CountryCode", K::kCountryCode, c.country_code);
  if (o.transporter_code) {
    Visit(visit, "transporter", "TransporterContract/TransporterCode", K::kCode,
          *o.transporter_code);
    Visit(visit, "transporter service", "TransporterContract/TransporterServiceCode", K::kCode,
          o.transporter_service_code.value_or(""));
  }
  for (const wms::OrderLine& l : o.lines) {
    const std::string& code = l.external_line_code;
    Visit(visit, Line(code, "line code"), "CustomerOrderLine/ExternalOrderLineCode", K::kNumber,
          code);
    Visit(visit, Line(code, "comment"), "CustomerOrderLine/OrderLineComment", K::kText, l.comment);
    Visit(visit, Line(code, "article number"), "CustomerOrderLine/ArticleNumber", K::kNumber,
          l.article_number);
    Visit(visit, Line(code, "article name"), "CustomerOrderLine/ArticleName", K::kName,
          l.article_name);
    Visit(visit, Line(code, "currency"), "CustomerOrderLine/CurrencyCode", K::kCode,
          l.currency_code.value_or(""));
  }
  for (const wms::TextLine& t : o.text_lines) {
    const std::string& code = t.external_line_code;
    Visit(visit, Line(code, "line code"), "CustomerOrderTextLine/ExternalOrderLineCode", K::kNumber,
          code);
    Visit(visit, Line(code, "text"), "CustomerOrderTextLine/OrderLineComment", K::kText, t.text);
  }
}

void ForEachText(const wms::InOrder& o, const TextVisitor& visit) {
  Visit(visit, "order number", "GoodsOwnerOrderNumber", K::kNumber, o.order_number);
  Visit(visit, "reference", "ReferenceNumber", K::kName, o.reference);
  Visit(visit, "remark", "OrderRemark", K::kText, o.remark);
  Visit(visit, "warehouse", "Warehouse/WarehouseCode", K::kCode, o.warehouse_code);
  if (o.operation == wms::InOrderOperation::kRemove)
    return;
  if (!o.supplier_number.empty()) {  // the adapter sends no supplier without a number
    Visit(visit, "supplier number", "InOrderSupplier/SupplierNumber", K::kNumber,
          o.supplier_number);
    Visit(visit, "supplier name", "InOrderSupplier/SupplierName", K::kName, o.supplier_name);
  }
  for (const wms::InOrderLine& l : o.lines) {
    const std::string& code = l.external_line_code;
    Visit(visit, Line(code, "line code"), "InOrderLine/ExternalOrderLineCode", K::kNumber, code);
    Visit(visit, Line(code, "comment"), "InOrderLine/OrderLineComment", K::kText, l.comment);
    Visit(visit, Line(code, "article number"), "InOrderLine/ArticleNumber", K::kNumber,
          l.article_number);
    Visit(visit, Line(code, "article name"), "InOrderLine/ArticleName", K::kName, l.article_name);
  }
}

std::string CheckTexts(std::string_view document, const wms::ArticleDefinition& article) {
  return Check(document, article);
}

std::string CheckTexts(std::string_view document, const wms::CustomerOrder& order) {
  return Check(document, order);
}

std::string CheckTexts(std::string_view document, const wms::InOrder& order) {
  return Check(document, order);
}

std::string DocumentLabel(std::string_view kind, std::string_view number) {
  return std::string(kind) + " " + Printable(number);
}

std::string NulColumnsProblem(std::string_view where, std::string_view nul_columns) {
  std::vector<std::string> columns;
  std::string current;
  for (char c : std::string(nul_columns) + " ") {
    if (c != ' ') {
      current += c;
    } else if (!current.empty()) {
      columns.push_back(std::move(current));
      current.clear();
    }
  }
  if (columns.empty())
    return {};
  std::string names;
  for (std::size_t i = 0; i < columns.size(); ++i)
    names += (i == 0 ? "" : ", ") + columns[i];
  return std::string(where) + ": " + names + (columns.size() == 1 ? " holds" : " hold") +
         " a NUL character (U+0000), which XML 1.0 cannot carry (the ERP's driver passes on only "
         "the text before it); remove it in the ERP";
}

}  // namespace wmsbridge::stages
