// Secrets are masked in every form an XML writer gives them (R1, R6b).
#include <boost/test/unit_test.hpp>

#include "pipeline/secret.h"

using wmsbridge::pipeline::Redact;
using wmsbridge::pipeline::Secret;

BOOST_AUTO_TEST_SUITE(secret)

BOOST_AUTO_TEST_CASE(redact_masks_plain_and_xml_escaped_forms_of_every_secret) {
  const Secret password("S3cr&t<Pw>\"q'zx91");
  const Secret key("md5-KEY");
  const std::string text =
      "raw S3cr&t<Pw>\"q'zx91 | text <Password>S3cr&amp;t&lt;Pw&gt;\"q'zx91</Password> | "
      "attr a=\"S3cr&amp;t&lt;Pw>&quot;q'zx91\" | key md5-KEY md5-KEY";
  const std::string out = Redact(text, {&password, &key});
  BOOST_TEST(out.find("S3cr") == std::string::npos, out);
  BOOST_TEST(out.find("md5-KEY") == std::string::npos, out);
  BOOST_TEST(out.find("<Password>***</Password>") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(redact_leaves_text_alone_when_no_secret_is_in_it) {
  const Secret password("hemligt");
  const Secret empty;
  BOOST_TEST(Redact("nothing to hide", {&password, &empty, nullptr}) == "nothing to hide");
}

BOOST_AUTO_TEST_SUITE_END()
