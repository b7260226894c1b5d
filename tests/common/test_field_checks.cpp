// The decimal helpers of stages/common/field_checks.h in the shapes the transforms and the
// read-back use: canonical text, units at a scale (with the 15-digit whole part cap) and back.
#define BOOST_TEST_MODULE test_stage_common
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "stages/common/field_checks.h"

namespace wmsbridge::stages {
namespace {

BOOST_AUTO_TEST_SUITE(field_checks)

BOOST_AUTO_TEST_CASE(canonical_decimal_normalises_plain_decimals_of_any_length) {
  BOOST_TEST(*CanonicalDecimal("1.250") == "1.25");
  BOOST_TEST(*CanonicalDecimal("-0.0") == "0");
  BOOST_TEST(*CanonicalDecimal("+12") == "12");
  BOOST_TEST(*CanonicalDecimal("0012.") == "12");
  BOOST_TEST(*CanonicalDecimal("123456789012345678901234567890") ==
             "123456789012345678901234567890");
}

BOOST_AUTO_TEST_CASE(canonical_decimal_refuses_exponents_separators_and_blanks) {
  for (const char* text : {"", "1e3", "1,5", "1 000", " 1", "-", "."})
    BOOST_TEST(!CanonicalDecimal(text).has_value(), "'" << text << "'");
}

BOOST_AUTO_TEST_CASE(scaled_counts_units_exactly) {
  BOOST_TEST(*Scaled("1.25", 3) == 1250);
  BOOST_TEST(*Scaled("1.2340", 3) == 1234);
  BOOST_TEST(*Scaled("-0.5", 2) == -50);
  BOOST_TEST(*Scaled("-0", 3) == 0);
  BOOST_TEST(*Scaled("7", 0) == 7);
}

BOOST_AUTO_TEST_CASE(scaled_refuses_more_decimals_than_the_scale_and_non_numbers) {
  BOOST_TEST(!Scaled("1.2345", 3).has_value());
  BOOST_TEST(!Scaled("0.001", 2).has_value());
  BOOST_TEST(!Scaled("", 3).has_value());
  BOOST_TEST(!Scaled("abc", 3).has_value());
  BOOST_TEST(!Scaled("1e3", 3).has_value());
}

BOOST_AUTO_TEST_CASE(scaled_refuses_more_than_15_whole_digits) {
  BOOST_TEST(*Scaled("999999999999999.999", 3) == 999'999'999'999'999'999);
  BOOST_TEST(*Scaled("-999999999999999.999", 3) == -999'999'999'999'999'999);
  BOOST_TEST(!Scaled("1000000000000000", 3).has_value());
  BOOST_TEST(!Scaled("-1000000000000000", 0).has_value());
}

BOOST_AUTO_TEST_CASE(from_scaled_gives_the_canonical_text_of_units) {
  BOOST_TEST(FromScaled(1250, 3) == "1.25");
  BOOST_TEST(FromScaled(0, 3) == "0");
  BOOST_TEST(FromScaled(-5, 3) == "-0.005");
  BOOST_TEST(FromScaled(123, 2) == "1.23");
  BOOST_TEST(FromScaled(7, 0) == "7");
  BOOST_TEST(FromScaled(*Scaled("42.500", 3), 3) == "42.5");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace wmsbridge::stages
