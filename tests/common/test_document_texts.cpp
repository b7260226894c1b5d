// The one text rule of every document sent to Ongoing (issue 11 point 4): one value
// (stages/common/field_checks.h TextProblem: UTF-8, XML 1.0's characters, the length table of
// text_rules.h, ISO country codes) and the walk over the documents (document_texts.h) that
// names the document, the field and its Ongoing element.
#include <boost/test/unit_test.hpp>
#include <map>
#include <set>
#include <string>

#include "stages/common/document_texts.h"
#include "stages/common/field_checks.h"

namespace wmsbridge::stages {
namespace {

using namespace std::string_literals;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

BOOST_AUTO_TEST_SUITE(one_text_rule)

BOOST_AUTO_TEST_CASE(any_text_xml_can_carry_is_accepted_byte_for_byte) {
  for (const std::string& text :
       {"Kaffekopp blå 3 dl"s, "Åsa & <Öberg> \"q\" 'x'"s, "tab\there"s, "rad 1\r\nrad 2\n"s,
        "\xEF\xBF\xBD replacement"s, "emoji \xF0\x9F\x98\x80"s, "\xEF\xBB\xBF BOM"s,
        "\xE2\x80\xA8 line separator"s, "\xEE\x80\x80 private use"s}) {
    BOOST_TEST(TextProblem(TextKind::kText, text).empty(), Printable(text));
  }
}

BOOST_AUTO_TEST_CASE(characters_xml_1_0_cannot_carry_are_refused_naming_the_character) {
  const std::pair<std::string, std::string> cases[] = {
      {"a\x01"s + "b", "U+0001 (character 2)"},
      {"a\x0B"s, "U+000B"},
      {"a\x1F"s, "U+001F"},
      {"x\0y"s, "U+0000 (character 2)"},
      {"a\xEF\xBF\xBE"s, "U+FFFE"},
      {"a\xEF\xBF\xBF"s, "U+FFFF"},
      {"\x7F ok, \x0C not"s, "U+000C (character 7)"}};
  for (const auto& [text, expected] : cases) {
    const std::string reason = TextProblem(TextKind::kName, text);
    BOOST_TEST(Contains(reason, "contains " + expected), reason);
    BOOST_TEST(Contains(reason, "XML 1.0 cannot carry"), reason);
  }
}

BOOST_AUTO_TEST_CASE(bytes_that_are_not_strict_utf8_are_refused_naming_the_byte) {
  const std::pair<std::string, std::string> cases[] = {
      {"a\xFF"s + "b", "byte 0xFF at byte 2"},  // Latin-1 ÿ: never re-encoded
      {"caf\xE9"s, "byte 0xE9 at byte 4"},      // Latin-1 é
      {"\xC0\x80"s, "byte 0xC0 at byte 1"},     // overlong NUL
      {"\xE0\x80\xAF"s, "byte 0xE0"},           // overlong '/'
      {"\xED\xA0\x80"s, "byte 0xED"},           // a surrogate (CESU-8)
      {"\xF4\x90\x80\x80"s, "byte 0xF4"},       // past U+10FFFF
      {"ab\xC3"s, "byte 0xC3 at byte 3"},       // cut short
      {"\x80"s, "byte 0x80 at byte 1"}};        // a stray continuation byte
  for (const auto& [text, expected] : cases) {
    const std::string reason = TextProblem(TextKind::kName, text);
    BOOST_TEST(Contains(reason, "is not valid UTF-8 (" + expected), reason);
  }
}

BOOST_AUTO_TEST_CASE(lengths_are_counted_in_characters_against_the_one_table) {
  BOOST_TEST(MaxChars(TextKind::kNumber) == 50u);
  BOOST_TEST(MaxChars(TextKind::kCode) == 50u);
  BOOST_TEST(MaxChars(TextKind::kName) == 200u);
  BOOST_TEST(MaxChars(TextKind::kText) == 200u);
  std::string name;
  for (int i = 0; i < 200; ++i)
    name += "Ö";  // 400 bytes, 200 characters
  BOOST_TEST(TextProblem(TextKind::kName, name).empty());
  const std::string reason = TextProblem(TextKind::kName, name + "x");
  BOOST_TEST(Contains(reason, "is 201 characters long"), reason);
  BOOST_TEST(Contains(reason, "at most 200"), reason);
  BOOST_TEST(TextProblem(TextKind::kNumber, std::string(50, '7')).empty());
  BOOST_TEST(Contains(TextProblem(TextKind::kNumber, std::string(51, '7')), "51 characters"));
}

BOOST_AUTO_TEST_CASE(country_codes_are_iso_3166_alpha_2_from_icus_list) {
  for (const char* code : {"SE", "NO", "FI", "DK", "DE", "GB", "US", "XK"})
    BOOST_TEST(TextProblem(TextKind::kCountryCode, code).empty(), code);
  for (const char* code : {"Sweden", "se", "S", "SWE", "UK", "EU", "ZZ", "S1", " SE"}) {
    const std::string reason = TextProblem(TextKind::kCountryCode, code);
    BOOST_TEST(Contains(reason, "not an ISO 3166-1 alpha-2 country code"), code << ": " << reason);
  }
  BOOST_TEST(Contains(TextProblem(TextKind::kCountryCode, "Sweden"), "is 'Sweden'"));
  BOOST_TEST(IsIsoCountryCode("SE"));
  BOOST_TEST(!IsIsoCountryCode("UK"));  // the United Kingdom is GB
}

BOOST_AUTO_TEST_CASE(printable_shows_what_cannot_be_shown_and_stays_utf8) {
  BOOST_TEST(Printable("a\x01"
                       "b\xFF"
                       "c\\") == "a\\x01b\\xFFc\\\\");
  BOOST_TEST(Printable("Åsa\tÖ") == "Åsa\\x09Ö");
  BOOST_TEST(Printable(std::string(50, 'x'), 10) == "xxxxxxxxxx...");
  BOOST_TEST(Printable("\xEF\xBF\xBE") == "\\uFFFE");
}

BOOST_AUTO_TEST_SUITE_END()

// --- The walk ------------------------------------------------------------------------------

wms::CustomerOrder FullOrder() {
  wms::CustomerOrder o;
  o.order_number = "100501";
  o.goods_owner_order_id = "17";
  o.reference = "Webb 5512";
  o.remark = "Lämna vid dörren";
  o.delivery_instruction = "Ring först";
  o.order_type_code = "INTERNAL";
  o.warehouse_code = "NORTH";
  o.service_point_code = "SP-4711";
  o.consignee = {"K1001", "Åsa Öberg",      "Storgatan 1",   "Port 2",        "41101", "Göteborg",
                 "SE",    "asa@example.se", "031-712 45 60", "070-123 45 67", false};
  o.transporter_code = "POSTNORD";
  o.transporter_service_code = "MYPACK";
  o.lines = {{"1", "A-1", "Kaffekopp", "2", std::nullopt, std::string("SEK"), "present"}};
  o.text_lines = {{"3", "Tack för din beställning"}};
  return o;
}

std::set<std::string> Elements(const wms::CustomerOrder& o) {
  std::set<std::string> out;
  ForEachText(o, [&](const TextField& f) { out.insert(std::string(f.element)); });
  return out;
}

BOOST_AUTO_TEST_SUITE(text_walk)

BOOST_AUTO_TEST_CASE(every_text_of_a_customer_order_is_visited_with_its_element_and_kind) {
  std::set<std::string> elements;
  std::map<std::string, TextKind> kinds;
  ForEachText(FullOrder(), [&](const TextField& f) {
    elements.insert(std::string(f.element));
    kinds[std::string(f.element)] = f.kind;
  });
  const std::set<std::string> expected = {"ReferenceNumber",
                                          "GoodsOwnerOrderNumber",
                                          "GoodsOwnerOrderId",
                                          "OrderRemark",
                                          "DeliveryInstruction",
                                          "OrderType/OrderTypeCode",
                                          "OutboundWarehouse/WarehouseCode",
                                          "OrderServicePointCode",
                                          "Customer/ExternalCustomerCode",
                                          "Customer/Name",
                                          "Customer/Address",
                                          "Customer/Address2",
                                          "Customer/PostCode",
                                          "Customer/City",
                                          "Customer/TelePhone",
                                          "Customer/Email",
                                          "Customer/MobilePhone",
                                          "Customer/CountryCode",
                                          "TransporterContract/TransporterCode",
                                          "TransporterContract/TransporterServiceCode",
                                          "CustomerOrderLine/ExternalOrderLineCode",
                                          "CustomerOrderLine/OrderLineComment",
                                          "CustomerOrderLine/ArticleNumber",
                                          "CustomerOrderLine/ArticleName",
                                          "CustomerOrderLine/CurrencyCode",
                                          "CustomerOrderTextLine/ExternalOrderLineCode",
                                          "CustomerOrderTextLine/OrderLineComment"};
  BOOST_TEST(elements == expected, boost::test_tools::per_element());
  BOOST_TEST((kinds["Customer/CountryCode"] == TextKind::kCountryCode));
  BOOST_TEST((kinds["GoodsOwnerOrderNumber"] == TextKind::kNumber));
  BOOST_TEST((kinds["Customer/Name"] == TextKind::kName));
  BOOST_TEST((kinds["CustomerOrderTextLine/OrderLineComment"] == TextKind::kText));
}

BOOST_AUTO_TEST_CASE(a_cancellation_visits_only_what_it_sends) {
  wms::CustomerOrder o = FullOrder();
  o.operation = wms::OrderOperation::kRemove;
  const auto elements = Elements(o);
  BOOST_TEST(elements.count("GoodsOwnerOrderNumber") == 1u);
  BOOST_TEST(elements.count("Customer/Name") == 0u);
  BOOST_TEST(elements.count("CustomerOrderLine/ArticleName") == 0u);
}

BOOST_AUTO_TEST_CASE(empty_texts_are_not_sent_so_not_visited) {
  wms::CustomerOrder o = FullOrder();
  o.consignee.address2.clear();
  o.transporter_code.reset();
  const auto elements = Elements(o);
  BOOST_TEST(elements.count("Customer/Address2") == 0u);
  BOOST_TEST(elements.count("TransporterContract/TransporterCode") == 0u);
}

BOOST_AUTO_TEST_CASE(a_refusal_names_the_document_the_field_its_element_and_the_reason) {
  wms::CustomerOrder o = FullOrder();
  o.consignee.name = "Åsa\x01Öberg";
  std::string reason = CheckTexts(DocumentLabel("customer order", o.order_number), o);
  BOOST_TEST(
      reason.rfind("customer order 100501: delivery name (Customer/Name) contains U+0001", 0) == 0,
      reason);

  o = FullOrder();
  o.text_lines[0].text = "Frakt\x0B";
  reason = CheckTexts("customer order 100501", o);
  BOOST_TEST(Contains(reason,
                      "line 3: text (CustomerOrderTextLine/OrderLineComment) contains "
                      "U+000B"),
             reason);

  o = FullOrder();
  o.consignee.country_code = "Sweden";
  reason = CheckTexts("customer order 100501", o);
  BOOST_TEST(Contains(reason, "country code (Customer/CountryCode) is 'Sweden', not an ISO"),
             reason);
}

BOOST_AUTO_TEST_CASE(every_refused_field_is_named_the_first_with_its_reason) {
  wms::CustomerOrder o = FullOrder();
  o.remark = "bad \x02";
  o.consignee.city = "G\xF6teborg";  // Latin-1 ö
  o.lines[0].article_name = std::string(201, 'n');
  const std::string reason = CheckTexts("customer order 100501", o);
  BOOST_TEST(Contains(reason, "remark (OrderRemark) contains U+0002"), reason);
  BOOST_TEST(Contains(reason,
                      "; also refused: city (Customer/City), line 1: article name "
                      "(CustomerOrderLine/ArticleName)"),
             reason);
}

BOOST_AUTO_TEST_CASE(a_document_named_by_a_bad_number_gets_a_printable_label) {
  BOOST_TEST(DocumentLabel("purchase order",
                           "PO\x01"
                           "7") == "purchase order PO\\x017");
  wms::InOrder po;
  po.order_number =
      "PO\x01"
      "7";
  po.lines = {{"1", "A-1", "Kaffekopp", "3", ""}};
  const std::string reason = CheckTexts(DocumentLabel("purchase order", po.order_number), po);
  BOOST_TEST(reason.rfind("purchase order PO\\x017: order number (GoodsOwnerOrderNumber) "
                          "contains U+0001",
                          0) == 0,
             reason);
}

BOOST_AUTO_TEST_CASE(every_text_of_an_in_order_and_an_article_is_visited) {
  wms::InOrder po;
  po.order_number = "PO-1";
  po.reference = "7";
  po.remark = "r";
  po.warehouse_code = "MAIN";
  po.supplier_number = "S-1";
  po.supplier_name = "Leverantören AB";
  po.lines = {{"1", "A-1", "Kaffekopp", "3", "c"}};
  std::set<std::string> elements;
  ForEachText(po, [&](const TextField& f) { elements.insert(std::string(f.element)); });
  BOOST_TEST(elements == (std::set<std::string>{
                             "GoodsOwnerOrderNumber", "ReferenceNumber", "OrderRemark",
                             "Warehouse/WarehouseCode", "InOrderSupplier/SupplierNumber",
                             "InOrderSupplier/SupplierName", "InOrderLine/ExternalOrderLineCode",
                             "InOrderLine/OrderLineComment", "InOrderLine/ArticleNumber",
                             "InOrderLine/ArticleName"}),
             boost::test_tools::per_element());

  wms::ArticleDefinition a;
  a.article_number = "A-1";
  a.name = "n";
  a.barcode = "b";
  a.supplier_article_number = "s";
  a.statistics_number = "i";
  elements.clear();
  ForEachText(a, [&](const TextField& f) { elements.insert(std::string(f.element)); });
  BOOST_TEST(elements == (std::set<std::string>{"ArticleNumber", "ArticleName", "BarCode",
                                                "SupplierArticleNumber", "ArticleUnitCode",
                                                "StatisticsNumber"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nul_columns_named_by_the_query_refuse_the_document) {
  BOOST_TEST(NulColumnsProblem("customer order 7", "").empty());
  BOOST_TEST(NulColumnsProblem("customer order 7", "   ").empty());
  BOOST_TEST(NulColumnsProblem("customer order 7", " delivery_name") ==
             "customer order 7: delivery_name holds a NUL character (U+0000), which XML 1.0 "
             "cannot carry (the ERP's driver passes on only the text before it); remove it in "
             "the ERP");
  BOOST_TEST(Contains(NulColumnsProblem("article A", " name barcode"), "name, barcode hold a NUL"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace wmsbridge::stages
