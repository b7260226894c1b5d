#include "stages/stock/stock_report.h"

#include <pugixml.hpp>

#include <array>
#include <functional>
#include <optional>
#include <vector>

#include "stages/stock/csv.h"
#include "stages/stock/stock_decision.h"
#include "stages/wms/decimal.h"

namespace wmsbridge::stock {
namespace {

using wms::Decimal;

constexpr std::size_t kPage = 1000;

// Database text in one form on both backends ("10.000" and "10" both print as 10).
std::string Number(const std::string& text) {
  if (text.empty())
    return "";
  return Decimal::Canonical(text).value_or(text);
}

std::string Signed(const std::string& text) {
  const std::string n = Number(text);
  return (n.empty() || n[0] == '-' || n == "0") ? n : "+" + n;
}

std::string ActionLabel(const std::string& stored) {
  const auto action = StockActionNamed(stored);
  return action ? std::string(Label(*action)) : stored;
}

// Calls `visit` for every stored line of the run, largest differences first, a page at a time.
void ForEachLine(erp::StockStore& store, std::int64_t run_id,
                 const std::function<void(const erp::StockReportLine&)>& visit) {
  std::optional<erp::StockReportLine> last;  // keyset paging: the next page starts after it
  while (true) {
    const auto lines = store.ReportLines(run_id, last ? &*last : nullptr, kPage);
    for (const auto& line : lines)
      visit(line);
    if (lines.size() < kPage)
      return;
    last = lines.back();
  }
}

void WriteCsv(erp::StockStore& store, std::int64_t run_id, std::ostream& out) {
  out << CsvRecord({std::begin(kCsvHeader), std::end(kCsvHeader)});
  ForEachLine(store, run_id, [&](const erp::StockReportLine& l) {
    out << CsvRecord({l.warehouse_code, l.article_no, Number(l.erp_quantity),
                      Number(l.wms_quantity), Number(l.difference), ActionLabel(l.action),
                      l.reason});
  });
}

// --- HTML ------------------------------------------------------------------------------------

pugi::xml_node Element(pugi::xml_node parent, const char* name, const std::string& text = "") {
  pugi::xml_node node = parent.append_child(name);
  if (!text.empty())
    node.text().set(text.c_str());
  return node;
}

void Attr(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(value.c_str());
}

// A table cell never empty: an empty non-void element would be written as <td/>, which HTML
// does not read as closed.
std::string Cell(const std::string& text) {
  return text.empty() ? "—" : text;
}

pugi::xml_node Table(pugi::xml_node parent, const char* id,
                     const std::vector<std::string>& headings) {
  pugi::xml_node table = Element(parent, "table");
  Attr(table, "id", id);
  pugi::xml_node row = Element(Element(table, "thead"), "tr");
  for (const std::string& h : headings)
    Element(row, "th", h);
  return Element(table, "tbody");
}

void Row(pugi::xml_node body, const std::vector<std::string>& cells, const std::string& cls = "") {
  pugi::xml_node row = Element(body, "tr");
  if (!cls.empty())
    Attr(row, "class", cls);
  for (const std::string& c : cells)
    Element(row, "td", Cell(c));
}

// Plain decimal as a double, for drawing only (figures are printed from the text).
double Magnitude(const std::string& text) {
  const auto value = Decimal::Parse(text.empty() ? "0" : text);
  if (!value)
    return 0;
  const std::string s = value->ToString();
  return std::abs(std::stod(s));
}

std::string Fixed(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

void BarChart(pugi::xml_node parent, const std::vector<erp::StockReportLine>& top) {
  const double width = 760, label = 230, bar_h = 20, gap = 6;
  const double height = static_cast<double>(top.size()) * (bar_h + gap) + gap;
  pugi::xml_node svg = Element(parent, "svg");
  Attr(svg, "xmlns", "http://www.w3.org/2000/svg");
  Attr(svg, "id", "chart-largest");
  Attr(svg, "width", Fixed(width));
  Attr(svg, "height", Fixed(height));
  Attr(svg, "viewBox", "0 0 " + Fixed(width) + " " + Fixed(height));
  Attr(svg, "role", "img");
  Element(svg, "title", "The largest differences (WMS less ERP), in units");
  double largest = 0;
  for (const auto& l : top)
    largest = std::max(largest, Magnitude(l.difference));
  if (largest <= 0)
    largest = 1;
  double y = gap;
  for (const auto& l : top) {
    const bool more = !l.difference.empty() && l.difference[0] != '-';
    const double length = std::max(1.0, (width - label - 90) * Magnitude(l.difference) / largest);
    pugi::xml_node name = Element(svg, "text", l.warehouse_code + " / " + l.article_no);
    Attr(name, "x", Fixed(label - 8));
    Attr(name, "y", Fixed(y + bar_h * 0.72));
    Attr(name, "text-anchor", "end");
    pugi::xml_node bar = Element(svg, "rect");
    Attr(bar, "x", Fixed(label));
    Attr(bar, "y", Fixed(y));
    Attr(bar, "width", Fixed(length));
    Attr(bar, "height", Fixed(bar_h));
    Attr(bar, "class", more ? "more" : "less");
    Element(bar, "title",
            l.article_no + ": ERP " + Cell(Number(l.erp_quantity)) + ", WMS " +
                Cell(Number(l.wms_quantity)) + " (" + ActionLabel(l.action) + ")");
    pugi::xml_node value = Element(svg, "text", Signed(l.difference));
    Attr(value, "x", Fixed(label + length + 6));
    Attr(value, "y", Fixed(y + bar_h * 0.72));
    y += bar_h + gap;
  }
}

// Difference sizes: how many lines differ by at most 1, 10, 100, 1000 units, and more.
struct Bucket {
  const char* label;
  double upper;  // inclusive; 0 = no bound
  std::size_t count = 0;
};

void Histogram(pugi::xml_node parent, const std::array<Bucket, 5>& buckets) {
  const double width = 520, height = 220, base = 180, bar_w = 70, gap = 30;
  pugi::xml_node svg = Element(parent, "svg");
  Attr(svg, "xmlns", "http://www.w3.org/2000/svg");
  Attr(svg, "id", "chart-sizes");
  Attr(svg, "width", Fixed(width));
  Attr(svg, "height", Fixed(height));
  Attr(svg, "viewBox", "0 0 " + Fixed(width) + " " + Fixed(height));
  Attr(svg, "role", "img");
  Element(svg, "title", "How many lines differ by how much (absolute units)");
  std::size_t most = 1;
  for (const auto& b : buckets)
    most = std::max(most, b.count);
  double x = gap;
  for (const auto& b : buckets) {
    const double h = (base - 30) * static_cast<double>(b.count) / static_cast<double>(most);
    pugi::xml_node bar = Element(svg, "rect");
    Attr(bar, "x", Fixed(x));
    Attr(bar, "y", Fixed(base - h));
    Attr(bar, "width", Fixed(bar_w));
    Attr(bar, "height", Fixed(h));
    Attr(bar, "class", "size");
    pugi::xml_node count = Element(svg, "text", std::to_string(b.count));
    Attr(count, "x", Fixed(x + bar_w / 2));
    Attr(count, "y", Fixed(base - h - 6));
    Attr(count, "text-anchor", "middle");
    pugi::xml_node name = Element(svg, "text", b.label);
    Attr(name, "x", Fixed(x + bar_w / 2));
    Attr(name, "y", Fixed(base + 20));
    Attr(name, "text-anchor", "middle");
    x += bar_w + gap;
  }
}

const char* kStyle = R"(
body { font-family: sans-serif; margin: 2em; color: #222; }
h1 { margin-bottom: 0.2em; }
.meta { color: #555; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; }
td.n, th.n { text-align: right; }
tr.flagged td { background: #fde2e1; }
tr.adjusted td { background: #e6f4e6; }
.none { font-weight: bold; color: #2a6e2a; }
svg text { font-size: 12px; font-family: sans-serif; }
rect.more { fill: #3b8b3b; }
rect.less { fill: #c0392b; }
rect.size { fill: #4a6fa5; }
@media print { body { margin: 0; } tr, svg { page-break-inside: avoid; } }
)";

void WriteHtml(erp::StockStore& store, const erp::StockRunRow& run, std::int64_t run_id,
               std::ostream& out) {
  // One pass over the lines, largest first: bounded lists for the page, counts for the chart.
  std::vector<erp::StockReportLine> top, differences, missing;
  std::size_t more_differences = 0, more_missing = 0;
  std::array<Bucket, 5> buckets{
      {{"≤ 1", 1}, {"≤ 10", 10}, {"≤ 100", 100}, {"≤ 1000", 1000}, {"> 1000", 0}}};
  ForEachLine(store, run_id, [&](const erp::StockReportLine& l) {
    if (l.action == "equal")
      return;
    const double size = Magnitude(l.difference);
    if (size > 0) {
      for (Bucket& b : buckets) {
        if (b.upper == 0 || size <= b.upper) {
          ++b.count;
          break;
        }
      }
      if (top.size() < kChartBars)
        top.push_back(l);
    }
    const bool one_side = l.action == "only_in_erp" || l.action == "only_in_wms";
    auto& list = one_side ? missing : differences;
    auto& more = one_side ? more_missing : more_differences;
    if (list.size() < kHtmlRowLimit)
      list.push_back(l);
    else
      ++more;
  });

  pugi::xml_document doc;
  doc.append_child(pugi::node_doctype).set_value("html");
  pugi::xml_node html = doc.append_child("html");
  Attr(html, "xmlns", "http://www.w3.org/1999/xhtml");
  Attr(html, "lang", "en");
  pugi::xml_node head = Element(html, "head");
  Attr(Element(head, "meta"), "charset", "utf-8");
  const std::string title = "Stock reconciliation, run " + run.run_id;
  Element(head, "title", title + " (" + run.connection_name + ")");
  Element(head, "style", kStyle);
  pugi::xml_node body = Element(html, "body");
  Element(body, "h1", "Stock reconciliation");
  Element(body, "p",
          "Run " + run.run_id + " of connection " + run.connection_name + ", started " +
              Cell(run.started_at) + " UTC, finished " + Cell(run.finished_at) + " UTC (" +
              Cell(run.status) + ").")
      .append_attribute("class")
      .set_value("meta");
  std::string settings = "Mode: " + run.mode + ". Warehouses: " + run.warehouses + ". Threshold: ";
  if (run.threshold_units.empty() && run.threshold_percent.empty())
    settings += "none (every difference is adjusted).";
  else
    settings += (run.threshold_units.empty() ? "" : Number(run.threshold_units) + " units") +
                (!run.threshold_units.empty() && !run.threshold_percent.empty() ? " or " : "") +
                (run.threshold_percent.empty() ? "" : Number(run.threshold_percent) + " %") +
                " (a larger difference is flagged for a person, not adjusted).";
  Element(body, "p", settings).append_attribute("class").set_value("meta");
  Element(body, "p",
          "Ongoing WMS is master of stock: the ERP's stock_balance is set to the WMS's physical "
          "stock (NumberOfItems per warehouse). Difference = WMS less ERP. SERVICE articles are "
          "never stock-kept and are not compared.");

  Element(body, "h2", "Totals");
  pugi::xml_node totals = Element(Element(body, "table"), "tbody");
  totals.parent().append_attribute("id").set_value("totals");
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"Articles compared (article and warehouse)", run.compared},
           {"Equal", run.equal},
           {"Adjusted to the WMS's figure", run.adjusted},
           {"Flagged for a person (above the threshold)", run.flagged},
           {"Not adjusted (report-only run)", run.report_only},
           {"Only in the ERP (the WMS does not know the article)", run.only_in_erp},
           {"Only in the WMS (the ERP does not know the article)", run.only_in_wms},
           {"Sum of absolute differences (units)", Number(run.abs_difference)}}) {
    pugi::xml_node row = Element(totals, "tr");
    Element(row, "th", name);
    Element(row, "td", Cell(Number(value))).append_attribute("class").set_value("n");
  }

  if (differences.empty() && missing.empty()) {
    Element(body, "p", "No differences: the ERP agrees with the WMS for every article compared.")
        .append_attribute("class")
        .set_value("none");
  } else {
    if (!top.empty()) {
      Element(body, "h2", "The largest differences");
      BarChart(body, top);
      Element(body, "h2", "Difference sizes");
      Histogram(body, buckets);
    }
    const std::vector<std::string> headings{"Warehouse",  "Article", "ERP", "WMS",
                                            "Difference", "Action",  "Why"};
    Element(body, "h2", "Differences, largest first");
    pugi::xml_node table = Table(body, "differences", headings);
    for (const auto& l : differences) {
      Row(table,
          {l.warehouse_code, l.article_no, Number(l.erp_quantity), Number(l.wms_quantity),
           Signed(l.difference), ActionLabel(l.action), l.reason},
          l.action);
    }
    if (more_differences > 0)
      Element(body, "p", std::to_string(more_differences) + " more: see the CSV report.");
    Element(body, "h2", "Articles missing on one side");
    pugi::xml_node absent = Table(body, "missing", headings);
    for (const auto& l : missing) {
      Row(absent,
          {l.warehouse_code, l.article_no, Number(l.erp_quantity), Number(l.wms_quantity),
           Signed(l.difference), ActionLabel(l.action), l.reason},
          l.action);
    }
    if (more_missing > 0)
      Element(body, "p", std::to_string(more_missing) + " more: see the CSV report.");
  }
  doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
}

}  // namespace

void WriteStockReport(erp::StockStore& store, std::int64_t run_id, ReportFormat format,
                      std::ostream& out) {
  const auto run = store.Run(run_id);
  if (!run)
    throw NoStockRun("run " + std::to_string(run_id) + " is no stored stock run");
  if (format == ReportFormat::kCsv)
    WriteCsv(store, run_id, out);
  else
    WriteHtml(store, *run, run_id, out);
}

}  // namespace wmsbridge::stock
