// The reader of the ERP's numeric columns (stages/common/erp_number.h): plain decimal text and
// the exponent forms the SQLite driver prints REAL values in, read exactly to the canonical
// decimal that is sent; anything else is not a number.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>

#include "stages/common/erp_number.h"
#include "stages/common/field_checks.h"

namespace wmsbridge::stages {
namespace {

BOOST_AUTO_TEST_SUITE(erp_number)

BOOST_AUTO_TEST_CASE(plain_decimals_read_as_their_canonical_form) {
  BOOST_TEST(*ReadErpNumber("0.000050") == "0.00005");  // PostgreSQL's numeric(12,6)
  BOOST_TEST(*ReadErpNumber("1.250") == "1.25");
  BOOST_TEST(*ReadErpNumber("189") == "189");
  BOOST_TEST(*ReadErpNumber("-0.00") == "0");
  BOOST_TEST(*ReadErpNumber("+7.5") == "7.5");
}

BOOST_AUTO_TEST_CASE(the_sqlite_drivers_exponent_forms_read_exactly) {
  BOOST_TEST(*ReadErpNumber("5.0e-05") == "0.00005");
  BOOST_TEST(*ReadErpNumber("5e-05") == "0.00005");
  BOOST_TEST(*ReadErpNumber("1.0e+15") == "1000000000000000");
  BOOST_TEST(*ReadErpNumber("1.23456789012346e+20") == "123456789012346000000");
  BOOST_TEST(*ReadErpNumber("-2.5E-07") == "-0.00000025");
  BOOST_TEST(*ReadErpNumber("12.5e1") == "125");
  BOOST_TEST(*ReadErpNumber("12.5e+0") == "12.5");
  BOOST_TEST(*ReadErpNumber("0.0e+00") == "0");
  BOOST_TEST(*ReadErpNumber("-0.0e-12") == "0");
  BOOST_TEST(*ReadErpNumber("4.94065645841247e-324") ==
             "0." + std::string(323, '0') + "494065645841247");
}

BOOST_AUTO_TEST_CASE(anything_else_is_not_a_number) {
  for (const char* text : {"",      "abc",    "1,5",  "1 000", " 1",    "1 ",  "Inf",   "-Inf",
                           "NaN",   "inf",    "nan",  "e5",    "1e",    "1e+", "1e5.5", "1e12345",
                           "1e401", "1e-401", "1ee5", "0x10",  "1.2.3", "--1", "1e+-5"})
    BOOST_TEST(!ReadErpNumber(text).has_value(), "'" << text << "'");
  BOOST_TEST(ReadErpNumber("1e400").has_value());  // the bound itself
}

BOOST_AUTO_TEST_CASE(scaled_erp_numbers_are_exact_units) {
  BOOST_TEST(*ReadErpScaled("5.0e-05", 6) == 50);
  BOOST_TEST(*ReadErpScaled("2.5", 3) == 2500);
  BOOST_TEST(!ReadErpScaled("5.0e-05", 3).has_value());  // more decimals than the scale
  BOOST_TEST(!ReadErpScaled("many", 3).has_value());
}

BOOST_AUTO_TEST_CASE(the_strict_decimal_helpers_still_refuse_exponents) {
  BOOST_TEST(!CanonicalDecimal("5.0e-05").has_value());
  BOOST_TEST(!Scaled("5.0e-05", 6).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace wmsbridge::stages
