// The Boost.Test module of the jobs' unit tests; the cases live in the other test_*.cpp files.
#define BOOST_TEST_MODULE jobs_unit
#include <boost/test/unit_test.hpp>
