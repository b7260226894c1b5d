// Texts on the wire (issue 11 point 4). The simulator reads requests with XML 1.0's rules as
// Ongoing's .NET service does, so a request with a character XML cannot carry fails whole; the
// adapter writes every text so that such a reader gives back the very bytes; and the text walk
// (stages/common/document_texts.h) visits every text element the adapter writes, so no field
// escapes the one text rule. Part of test_ongoing_client.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <boost/test/unit_test.hpp>
#include <functional>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <string>

#include "stages/common/document_texts.h"
#include "stages/common/field_checks.h"
#include "stages/ongoing/soap_wms_client.h"
#include "tests/support/sim_process.h"
#include "tests/wms_sim/sim_xml_rules.h"

using namespace wmsbridge;
using wmsbridge::test::SimProcess;

namespace {

struct Answer {
  int status = 0;
  std::string body;
};

// POSTs a ProcessArticle envelope whose ArticleName element holds `name_xml` as written.
Answer PostArticle(SimProcess& sim, const std::string& number, const std::string& name_xml) {
  const std::string envelope =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
      "<ProcessArticle xmlns=\"http://ongoingsystems.se/WSI\">"
      "<GoodsOwnerCode>DEMO</GoodsOwnerCode><UserName>wmsbridge</UserName>"
      "<Password>S3cr&amp;t&lt;Pw&gt;\"q'zx91</Password>"
      "<art><ArticleOperation>CreateOrUpdate</ArticleOperation>"
      "<ArticleIdentification>ArticleNumber</ArticleIdentification>"
      "<ArticleNumber>" +
      number + "</ArticleNumber><ArticleName>" + name_xml +
      "</ArticleName><IsStockArticle>1</IsStockArticle></art></ProcessArticle></soap:Body>"
      "</soap:Envelope>";
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(sim.port()));
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/service.asmx",
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  request.setContentType("text/xml; charset=utf-8");
  request.set("SOAPAction", "\"http://ongoingsystems.se/WSI/ProcessArticle\"");
  request.setContentLength(static_cast<std::streamsize>(envelope.size()));
  session.sendRequest(request) << envelope;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  Answer answer;
  answer.status = static_cast<int>(response.getStatus());
  Poco::StreamCopier::copyToString(in, answer.body);
  return answer;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string LocalName(const pugi::xml_node& node) {
  const std::string name = node.name();
  const auto colon = name.find(':');
  return colon == std::string::npos ? name : name.substr(colon + 1);
}

// The text of every leaf element of the captured request's body, by value: value -> names.
std::multimap<std::string, std::string> LeafTexts(const std::string& http_message) {
  const auto split = http_message.find("\r\n\r\n");
  BOOST_REQUIRE(split != std::string::npos);
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_string(http_message.substr(split + 4).c_str()));
  std::multimap<std::string, std::string> out;
  struct Walker : pugi::xml_tree_walker {
    std::multimap<std::string, std::string>* out;
    bool for_each(pugi::xml_node& node) override {
      if (node.type() == pugi::node_element && node.first_child().type() == pugi::node_pcdata)
        out->emplace(node.first_child().value(), LocalName(node));
      return true;
    }
  } walker;
  walker.out = &out;
  doc.traverse(walker);
  return out;
}

// A client whose requests are kept.
struct Capture {
  std::string last_request;
  ongoing::WmsClientOptions Options() {
    ongoing::WmsClientOptions o;
    o.message_dump = [this](std::string_view, ongoing::MessageDirection d, std::string_view text) {
      if (d == ongoing::MessageDirection::kRequest)
        last_request = std::string(text);
    };
    return o;
  }
};

// Every leaf whose text is a marker ("Tx..") was visited by the walk under its element name;
// every field the walk visited is on the wire.
template <class Document>
void ExpectWalkCoversTheWire(const Document& document, const std::string& request) {
  std::map<std::string, std::string> visited;  // value -> element's last name
  stages::ForEachText(document, [&](const stages::TextField& f) {
    const std::string element(f.element);
    visited[std::string(f.value)] = element.substr(element.rfind('/') + 1);
  });
  const auto leaves = LeafTexts(request);
  int markers = 0;
  for (const auto& [value, name] : leaves) {
    if (value.rfind("Tx", 0) != 0)
      continue;
    ++markers;
    BOOST_TEST_CONTEXT("element " << name << " = " << value) {
      const auto found = visited.find(value);
      BOOST_TEST((found != visited.end()), "the walk visits it");
      if (found != visited.end() && name != "CustomerNumber")  // the customer number twice
        BOOST_TEST(found->second == name);
    }
  }
  BOOST_TEST(markers > 0);
  for (const auto& [value, element] : visited) {
    bool on_wire = false;
    for (auto [it, end] = leaves.equal_range(value); it != end; ++it)
      on_wire |= it->second == element;
    BOOST_TEST(on_wire, element << " = " << value << " is sent");
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(texts_on_the_wire_issue_11)

// .NET's XmlReader refuses these before any operation runs; gSOAP alone would take them all
// (`&#x1;` as byte 1, `&#0;` as the end of the name, byte FF as U+00FF).
BOOST_AUTO_TEST_CASE(the_simulator_refuses_a_request_xml_1_0_cannot_carry_whole_as_dotnet_does) {
  SimProcess sim;
  const std::pair<std::string, std::string> refused[] = {
      {"a&#x1;b", "hexadecimal value 0x01, is an invalid character."},
      {"a&#1;b", "hexadecimal value 0x01, is an invalid character."},
      {"a\x01"
       "b",
       "hexadecimal value 0x01, is an invalid character."},
      {"a&#0;b", "hexadecimal value 0x00, is an invalid character."},
      {std::string("a\0b", 3), "hexadecimal value 0x00, is an invalid character."},
      {"a&#xB;b", "hexadecimal value 0x0B, is an invalid character."},
      {"a&#xFFFE;b", "hexadecimal value 0xFFFE, is an invalid character."},
      {"a&#xD800;b", "hexadecimal value 0xD800, is an invalid character."},
      {"a\xFF"
       "b",
       "Invalid character in the given encoding."},
      {"a\xC3", "Invalid character in the given encoding."},
      {"a&#x;b", "Invalid syntax for a hexadecimal numeric entity reference."}};
  int n = 0;
  for (const auto& [name, words] : refused) {
    const std::string number = "BAD-" + std::to_string(++n);
    BOOST_TEST_CONTEXT(number << ": " << stages::Printable(name)) {
      const Answer answer = PostArticle(sim, number, name);
      BOOST_TEST(answer.status == 500);
      BOOST_TEST(Contains(answer.body, "faultcode>SOAP-ENV:Client</faultcode>"), answer.body);
      BOOST_TEST(Contains(answer.body,
                          "Server was unable to read request. ---&gt; There is an "
                          "error in XML document (1, "),
                 answer.body);
      BOOST_TEST(Contains(answer.body, words), answer.body);
      BOOST_TEST(!sim.store().FindArticle(number).has_value(), "nothing of it is stored");
    }
  }
  BOOST_TEST(sim.store().CallCount(sim::Operation::kProcessArticle) == 0,
             "no operation ran, so none was counted");

  // What XML 1.0 can carry is taken, references decoded.
  const Answer ok = PostArticle(sim, "OK-1",
                                "a&#x9;b&#xD;&#xA;&#xE5;&#229;\xC3\xA5 &amp; "
                                "<![CDATA[&#1; <as is>]]>");
  BOOST_TEST(ok.status == 200, ok.body);
  BOOST_REQUIRE(sim.store().FindArticle("OK-1").has_value());
  BOOST_TEST(sim.store().FindArticle("OK-1")->name ==
             "a\tb\r\n\xC3\xA5\xC3\xA5\xC3\xA5 & &#1; <as is>");
}

BOOST_AUTO_TEST_CASE(the_simulators_reading_rules_find_the_first_violation_and_where) {
  BOOST_TEST(!sim::FindXml10CharacterProblem("<a>Åsa &amp; &#9;&#x10FFFF;</a>").has_value());
  auto p = sim::FindXml10CharacterProblem("<a>\n<b>x&#x1F;</b></a>");
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(p->message == "hexadecimal value 0x1F, is an invalid character.");
  BOOST_TEST(p->line == 2);
  BOOST_TEST(p->position == 5);
  p = sim::FindXml10CharacterProblem("<a>Å\xED\xA0\x80</a>");  // a surrogate in UTF-8 form
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(p->message == "Invalid character in the given encoding.");
  BOOST_TEST(p->position == 5, "counted in characters");
  BOOST_TEST(!sim::FindXml10CharacterProblem("<!-- &#1; --><?pi &#0;?><a/>").has_value());
  BOOST_TEST(sim::FindXml10CharacterProblem("<a b=\"&#x1;\"/>").has_value(), "attributes too");
  BOOST_TEST(sim::FindXml10CharacterProblem("<a>&#x110000;</a>").has_value());
  BOOST_TEST(sim::FindXml10CharacterProblem("<a>&#99999999999999999999;</a>").has_value());
  BOOST_TEST(
      sim::UnreadableRequestFault({"hexadecimal value 0x01, is an invalid character.", 1, 523}) ==
      "Server was unable to read request. ---> There is an error in XML document (1, "
      "523). ---> hexadecimal value 0x01, is an invalid character. Line 1, position 523.");
}

// What an XML parser would change (a raw CR, XML 1.0 §2.11) must travel as a reference; the
// rest as UTF-8 bytes. The simulator stores what it read: the ERP's bytes.
BOOST_AUTO_TEST_CASE(texts_xml_can_carry_arrive_byte_for_byte_and_a_cr_travels_as_a_reference) {
  SimProcess sim;
  Capture capture;
  ongoing::SoapWmsClient client(sim.Endpoint(), capture.Options());
  wms::ArticleDefinition article;
  article.article_number = "A-1";
  article.name = "Kaffekopp";
  client.ProcessArticle(article);
  const std::string remark = "Rad 1\r\nRad 2\ttab & <tag> \"q\" 'a' \xF0\x9F\x98\x80 \xEF\xBF\xBD";
  wms::CustomerOrder order;
  order.order_number = "T-1";
  order.delivery_date = "2026-12-01";
  order.remark = remark;
  order.consignee.name = "Åsa Öberg";
  order.consignee.country_code = "SE";
  order.lines = {{"1", "A-1", "Kaffekopp", "1", std::nullopt, std::nullopt, "rad\r"}};
  client.ProcessOrder(order);
  BOOST_TEST(Contains(capture.last_request, "Rad 1&#xD;"), "a CR is written as a reference");
  BOOST_TEST(!Contains(capture.last_request, "\r\nRad 2"), "never raw in the body");
  const auto stored = sim.store().FindOrder("T-1");
  BOOST_REQUIRE(stored.has_value());
  BOOST_TEST(stored->remark == remark);
  BOOST_TEST(stored->consignee.name == "Åsa Öberg");
  BOOST_REQUIRE_EQUAL(stored->lines.size(), 1u);
  BOOST_TEST(stored->lines[0].comment == "rad\r");
}

// The walk and the adapter agree: every text element written is visited, under its name.
BOOST_AUTO_TEST_CASE(the_text_walk_visits_every_text_element_the_adapter_writes) {
  SimProcess sim;
  Capture capture;
  ongoing::SoapWmsClient client(sim.Endpoint(), capture.Options());
  const auto send = [&](const std::function<void()>& call) {
    try {
      call();
    } catch (const wms::WmsError&) {
      // Markers are no real codes; Ongoing may refuse them. The request is what counts.
    }
  };

  wms::ArticleDefinition a;
  a.article_number = "Tx-art";
  a.name = "Tx-name";
  a.barcode = "Tx-barcode";
  a.supplier_article_number = "Tx-supplier-article";
  a.statistics_number = "Tx-statistics";
  a.unit_code = "Tx-unit";
  send([&] { client.ProcessArticle(a); });
  BOOST_TEST_CONTEXT("ProcessArticle") {
    ExpectWalkCoversTheWire(a, capture.last_request);
  }

  wms::CustomerOrder o;
  o.order_number = "Tx-order";
  o.goods_owner_order_id = "Tx-order-id";
  o.reference = "Tx-reference";
  o.remark = "Tx-remark";
  o.delivery_instruction = "Tx-instruction";
  o.delivery_date = "2026-12-01";
  o.order_type_code = "Tx-order-type";
  o.service_point_code = "Tx-service-point";
  o.warehouse_code = "Tx-warehouse";
  o.consignee = {"Tx-customer", "Tx-name",  "Tx-address", "Tx-address2", "Tx-postcode", "Tx-city",
                 "Tx-country",  "Tx-email", "Tx-phone",   "Tx-mobile",   true};
  o.transporter_code = "Tx-transporter";
  o.transporter_service_code = "Tx-service";
  o.lines = {{"Tx-line", "Tx-article", "Tx-article-name", "1", std::string("12.5"),
              std::string("Tx-currency"), "Tx-comment"}};
  o.text_lines = {{"Tx-text-line", "Tx-text"}};
  send([&] { client.ProcessOrder(o); });
  BOOST_TEST_CONTEXT("ProcessOrder") {
    ExpectWalkCoversTheWire(o, capture.last_request);
  }

  wms::InOrder in;
  in.order_number = "Tx-in-order";
  in.reference = "Tx-in-reference";
  in.remark = "Tx-in-remark";
  in.in_date = "2026-12-03";
  in.warehouse_code = "Tx-in-warehouse";
  in.supplier_number = "Tx-supplier";
  in.supplier_name = "Tx-supplier-name";
  in.lines = {{"Tx-in-line", "Tx-in-article", "Tx-in-article-name", "3", "Tx-in-comment"}};
  send([&] { client.ProcessInOrder(in); });
  BOOST_TEST_CONTEXT("ProcessInOrder") {
    ExpectWalkCoversTheWire(in, capture.last_request);
  }
}

BOOST_AUTO_TEST_SUITE_END()
