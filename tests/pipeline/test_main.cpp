// The Boost.Test module of the pipeline suite; the cases live in the other test_*.cpp files.
#define BOOST_TEST_MODULE test_pipeline
#include <boost/test/unit_test.hpp>
