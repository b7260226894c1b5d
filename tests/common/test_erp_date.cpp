// The reader of the ERP's date columns (stages/common/erp_date.h): every form the drivers give
// for a real date is read as that date; everything else is "not a date" or "no value", never
// a date it is not (R30: refused with the document, the column and the value).
#include <boost/test/unit_test.hpp>

#include <string>

#include "stages/common/erp_date.h"

namespace wmsbridge::stages {
namespace {

BOOST_AUTO_TEST_SUITE(erp_date)

BOOST_AUTO_TEST_CASE(the_forms_the_drivers_give_for_a_date_read_as_that_date) {
  for (const char* text :
       {"2026-12-01", "2026-12-01 00:00:00", "2026-12-01T00:00:00", "2026-12-01 13:45:30.5",
        "2026-12-01 13:45:30.123456", "2026-12-01 13:45", "2026-12-01 23:59:59+01",
        "2026-12-01T10:00:00Z", "2026-12-01 10:00:00+02:00", "2026-12-01 10:00:00-0530"}) {
    const ErpDate read = ReadErpDate(text);
    BOOST_TEST((read.kind == ErpDateKind::kDate), text);
    BOOST_TEST(read.date == "2026-12-01", text);
  }
}

BOOST_AUTO_TEST_CASE(leap_days_and_month_ends_follow_the_calendar) {
  BOOST_TEST((ReadErpDate("2024-02-29").kind == ErpDateKind::kDate));
  BOOST_TEST((ReadErpDate("2000-02-29").kind == ErpDateKind::kDate));      // divisible by 400
  BOOST_TEST((ReadErpDate("1900-02-29").kind == ErpDateKind::kNotADate));  // by 100, not 400
  BOOST_TEST((ReadErpDate("2026-02-29").kind == ErpDateKind::kNotADate));
  BOOST_TEST((ReadErpDate("2026-04-30").kind == ErpDateKind::kDate));
  BOOST_TEST((ReadErpDate("2026-04-31").kind == ErpDateKind::kNotADate));
  BOOST_TEST((ReadErpDate("0001-01-01").kind == ErpDateKind::kDate));
  BOOST_TEST((ReadErpDate("9999-12-31").kind == ErpDateKind::kDate));
}

BOOST_AUTO_TEST_CASE(what_is_no_date_is_not_a_date_R30) {
  for (const char* text : {"tomorrow",
                           "2026-12-32",
                           "2026-13-01",
                           "2026-02-30",
                           "0000-00-00",
                           "0000-01-01",
                           "2026-00-10",
                           "2026-12-00",
                           "2026-1-5",
                           "20261201",
                           " 2026-12-01",
                           "2026-12-01 ",
                           "2026-12-01x",
                           "2026/12/01",
                           "01.12.2026",
                           "2026-12-01 24:00:00",
                           "2026-12-01 10:60",
                           "2026-12-01 10:00:60",
                           "2026-12-01T",
                           "2026-12-01 10",
                           "2026-12-01 10:00:00.",
                           "2026-12-01 10:00:00+25:00",
                           "2026-12-01 10:00:00 CET",
                           "infinity",
                           "-infinity"}) {
    const ErpDate read = ReadErpDate(text);
    BOOST_TEST((read.kind == ErpDateKind::kNotADate), "'" << text << "'");
    BOOST_TEST(read.date.empty(), text);
  }
  BOOST_TEST((ReadErpDate(std::string("2026-12-01\0", 11)).kind == ErpDateKind::kNotADate));
}

BOOST_AUTO_TEST_CASE(null_or_empty_is_no_value) {
  BOOST_TEST((ReadErpDate("").kind == ErpDateKind::kNoValue));
}

BOOST_AUTO_TEST_CASE(a_refusal_names_the_document_the_column_and_the_value_R30) {
  const DateColumn where{"customer order 100501", "delivery date", "customer_order.delivery_date"};
  BOOST_TEST(ReadDateColumn(where, "tomorrow", true).problem ==
             "customer order 100501: delivery date (customer_order.delivery_date) 'tomorrow' is "
             "not a date (YYYY-MM-DD)");
  BOOST_TEST(ReadDateColumn(where, "", true).problem ==
             "customer order 100501: delivery date (customer_order.delivery_date) is missing "
             "(NULL or empty)");
  BOOST_TEST(ReadDateColumn(where, "", false).problem.empty());
  BOOST_TEST(ReadDateColumn(where, "", false).date.empty());
  // A bad value fails even where the column is optional.
  BOOST_TEST(!ReadDateColumn(where, "2026-02-30", false).problem.empty());
  const DateValue good = ReadDateColumn(where, "2026-12-01 00:00:00", true);
  BOOST_TEST(good.date == "2026-12-01");
  BOOST_TEST(good.problem.empty());
}

BOOST_AUTO_TEST_CASE(a_quoted_value_is_short_and_printable) {
  BOOST_TEST(QuotedValue("2026-02-30") == "'2026-02-30'");
  BOOST_TEST(QuotedValue("Åsa") == "'Åsa'");
  BOOST_TEST(QuotedValue(std::string(100, 'x')) == "'" + std::string(40, 'x') + "...'");
  BOOST_TEST(QuotedValue("a\x01"
                         "b\xff") == "'a?b?'");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace wmsbridge::stages
