// The Boost.Test module of the stages/wms suite; the cases live in the other test_*.cpp files.
#define BOOST_TEST_MODULE test_wms
#include <boost/test/unit_test.hpp>
