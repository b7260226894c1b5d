// wms::Decimal: which text is a decimal, its canonical form, exact units at a scale, order and
// exact sums, and where its range ends.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "stages/wms/decimal.h"

namespace wmsbridge::wms {
namespace {

// The parsed value of text the test knows to be a decimal.
Decimal D(const std::string& text) {
  const auto value = Decimal::Parse(text);
  BOOST_TEST_REQUIRE(value.has_value(), "'" << text << "' should parse");
  return *value;
}

BOOST_AUTO_TEST_SUITE(decimal)

BOOST_AUTO_TEST_CASE(parse_accepts_digits_with_an_optional_sign_and_point) {
  BOOST_TEST(D("12").ToString() == "12");
  BOOST_TEST(D("-0.5").ToString() == "-0.5");
  BOOST_TEST(D("+3.25").ToString() == "3.25");
  BOOST_TEST(D("5.").ToString() == "5");
  BOOST_TEST(D(".5").ToString() == "0.5");
  BOOST_TEST(D("-.5").ToString() == "-0.5");
}

BOOST_AUTO_TEST_CASE(leading_and_trailing_zeros_are_not_part_of_the_value) {
  BOOST_TEST(D("007.500").ToString() == "7.5");
  BOOST_TEST(D("007.500").Scale() == 1);
  BOOST_TEST(D("0.000").ToString() == "0");
  BOOST_TEST(D("0.000").Scale() == 0);
  BOOST_TEST(D("100").ToString() == "100");
  BOOST_TEST(D("100.0").Scale() == 0);
  BOOST_TEST(D("0.1000000000000000000000000").ToString() == "0.1");
}

BOOST_AUTO_TEST_CASE(zero_has_no_sign) {
  for (const char* text : {"-0", "-0.000", "+0", "-.0", "0"}) {
    BOOST_TEST(D(text).ToString() == "0", text);
    BOOST_TEST(D(text).IsZero(), text);
    BOOST_TEST(!D(text).IsNegative(), text);
  }
  BOOST_TEST(D("-0.001").IsNegative());
  BOOST_TEST(Decimal().ToString() == "0");
}

BOOST_AUTO_TEST_CASE(text_that_is_not_a_plain_decimal_is_refused) {
  for (const char* text : {"",      "+",   "-",   ".",     "-.",      "1e5",  "1E5", "1.5e-3",
                           " 1",    "1 ",  "1,5", "1 000", "1.000,5", "0x10", "inf", "nan",
                           "1.2.3", "--1", "+-1", "1-",    "12a",     "\t1",  "½"}) {
    BOOST_TEST(!Decimal::Parse(text).has_value(), "'" << text << "'");
    BOOST_TEST(!Decimal::Canonical(text).has_value(), "'" << text << "'");
  }
}

BOOST_AUTO_TEST_CASE(more_than_18_fraction_digits_are_refused_unless_they_are_zeros) {
  BOOST_TEST(D("0.123456789012345678").Scale() == 18);
  BOOST_TEST(!Decimal::Parse("0.1234567890123456789").has_value());
  BOOST_TEST(D("0.1234567890123456780").ToString() == "0.123456789012345678");
}

BOOST_AUTO_TEST_CASE(values_beyond_an_int64_of_units_are_refused) {
  BOOST_TEST(D("9223372036854775807").ToString() == "9223372036854775807");
  BOOST_TEST(D("-9223372036854775807").ToString() == "-9223372036854775807");
  BOOST_TEST(!Decimal::Parse("9223372036854775808").has_value());
  BOOST_TEST(!Decimal::Parse("-9223372036854775808").has_value());
  BOOST_TEST(D("922337203685477580.7").ToString() == "922337203685477580.7");
  BOOST_TEST(!Decimal::Parse("922337203685477580.8").has_value());
  BOOST_TEST(!Decimal::Parse("123456789012345678901234567890").has_value());
  BOOST_TEST(D("000000000000000000000000001").ToString() == "1");
}

BOOST_AUTO_TEST_CASE(canonical_text_has_no_range_limit) {
  BOOST_TEST(*Decimal::Canonical("+00123456789012345678901234567890.500") ==
             "123456789012345678901234567890.5");
  BOOST_TEST(*Decimal::Canonical("-0.000000000000000000000001") == "-0.000000000000000000000001");
  BOOST_TEST(*Decimal::Canonical("-0.0000000000000000000000000") == "0");
}

BOOST_AUTO_TEST_CASE(canonical_text_is_the_text_of_the_parsed_value) {
  for (const char* text : {"12", "-0.5", "+3.250", "5.", ".5", "007.500", "-0.000", "1.000001",
                           "-9223372036854775807", "0.000000000000000001"}) {
    BOOST_TEST(*Decimal::Canonical(text) == D(text).ToString(), text);
  }
}

BOOST_AUTO_TEST_CASE(parse_or_zero_reads_empty_text_as_zero_and_throws_on_bad_text) {
  BOOST_TEST(Decimal::ParseOrZero("").IsZero());
  BOOST_TEST(Decimal::ParseOrZero("2.50").ToString() == "2.5");
  BOOST_CHECK_THROW(Decimal::ParseOrZero("abc"), std::invalid_argument);
  BOOST_CHECK_THROW(Decimal::ParseOrZero(" "), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(units_at_a_scale_are_exact_and_never_rounded) {
  BOOST_TEST(*D("1.25").ToUnits(3) == 1250);
  BOOST_TEST(*D("1.25").ToUnits(2) == 125);
  BOOST_TEST(*D("-0.5").ToUnits(2) == -50);
  BOOST_TEST(*D("7").ToUnits(0) == 7);
  BOOST_TEST(!D("1.25").ToUnits(1).has_value());
  BOOST_TEST(!D("1.2345").ToUnits(3).has_value());
  BOOST_TEST(!D("1").ToUnits(19).has_value());
  BOOST_TEST(!D("1").ToUnits(-1).has_value());
  BOOST_TEST(!D("9223372036854775807").ToUnits(1).has_value());
  BOOST_TEST(*D("9.223372036854775807").ToUnits(18) == std::numeric_limits<std::int64_t>::max());
}

BOOST_AUTO_TEST_CASE(from_units_gives_the_value_in_canonical_form) {
  BOOST_TEST(Decimal::FromUnits(1250, 3).ToString() == "1.25");
  BOOST_TEST(Decimal::FromUnits(1250, 3).Scale() == 2);
  BOOST_TEST(Decimal::FromUnits(-5, 3).ToString() == "-0.005");
  BOOST_TEST(Decimal::FromUnits(100, 2).ToString() == "1");
  BOOST_TEST(Decimal::FromUnits(0, 5).ToString() == "0");
  BOOST_TEST(Decimal::FromUnits(7, 0).ToString() == "7");
  BOOST_TEST(Decimal::FromUnits(1, 18).ToString() == "0.000000000000000001");
  BOOST_TEST(Decimal::FromUnits(std::numeric_limits<std::int64_t>::min(), 0).ToString() ==
             "-9223372036854775808");
  BOOST_CHECK_THROW(Decimal::FromUnits(1, 19), std::invalid_argument);
  BOOST_CHECK_THROW(Decimal::FromUnits(1, -1), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(integer_part_is_truncated_toward_zero) {
  BOOST_TEST(D("2.7").IntegerPart() == 2);
  BOOST_TEST(D("-2.7").IntegerPart() == -2);
  BOOST_TEST(D("0.9").IntegerPart() == 0);
  BOOST_TEST(D("-0.9").IntegerPart() == 0);
  BOOST_TEST(D("12").IntegerPart() == 12);
}

BOOST_AUTO_TEST_CASE(equal_values_are_equal_whatever_their_text) {
  BOOST_TEST((D("1.50") == D("1.5")));
  BOOST_TEST((D("2") == D("2.000")));
  BOOST_TEST((D("-0") == Decimal()));
  BOOST_TEST((D("1.5") != D("1.05")));
}

BOOST_AUTO_TEST_CASE(order_follows_the_value) {
  const std::vector<std::string> ascending = {"-9223372036854775807",
                                              "-2",
                                              "-1.5",
                                              "-1.2",
                                              "-1",
                                              "-0.9",
                                              "-0.000000000000000001",
                                              "0",
                                              "0.000000000000000001",
                                              "0.5",
                                              "0.9",
                                              "1",
                                              "1.000000000000000001",
                                              "1.2",
                                              "1.5",
                                              "2",
                                              "9223372036854775807"};
  for (std::size_t i = 0; i < ascending.size(); ++i) {
    for (std::size_t j = 0; j < ascending.size(); ++j) {
      const Decimal a = D(ascending[i]), b = D(ascending[j]);
      BOOST_TEST(((a < b) == (i < j)), ascending[i] << " < " << ascending[j]);
      BOOST_TEST(((a == b) == (i == j)), ascending[i] << " == " << ascending[j]);
    }
  }
}

BOOST_AUTO_TEST_CASE(sums_and_differences_are_exact) {
  BOOST_TEST((D("0.1") + D("0.2")).ToString() == "0.3");
  BOOST_TEST((D("1") - D("0.001")).ToString() == "0.999");
  BOOST_TEST((D("1.25") - D("1.25")).IsZero());
  BOOST_TEST((Decimal() - D("2.5")).ToString() == "-2.5");
  BOOST_TEST((D("0.5") + D("0.5")).Scale() == 0);
  Decimal total;
  for (int i = 0; i < 10; ++i)
    total += D("0.1");
  BOOST_TEST(total.ToString() == "1");
  total -= D("0.25");
  BOOST_TEST(total.ToString() == "0.75");
}

BOOST_AUTO_TEST_CASE(a_sum_that_does_not_fit_throws_overflow_error) {
  const Decimal max = D("9223372036854775807");
  BOOST_CHECK_THROW(max + D("1"), std::overflow_error);
  BOOST_CHECK_THROW(max + D("0.1"), std::overflow_error);  // no common scale fits
  BOOST_CHECK_THROW(D("-9223372036854775807") - D("2"), std::overflow_error);
  BOOST_TEST((max - D("1") + D("1")).ToString() == "9223372036854775807");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace wmsbridge::wms
