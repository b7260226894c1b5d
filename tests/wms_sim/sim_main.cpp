// wms-sim: see sim_app.h and docs/wms-simulator.md.
#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/OptionException.h>

#include <iostream>

#include "tests/wms_sim/sim_app.h"

int main(int argc, char** argv) {
  using Poco::Util::Application;
  auto app = Poco::makeAuto<wmsbridge::sim::SimApp>();  // Poco applications are ref-counted
  try {
    app->init(argc, argv);
  } catch (const Poco::Util::OptionException& error) {
    std::cerr << "wms-sim: " << error.displayText() << " (see wms-sim --help)\n";
    return Application::EXIT_USAGE;
  } catch (const Poco::Exception& error) {
    std::cerr << "wms-sim: " << error.displayText() << "\n";
    return Application::EXIT_CONFIG;
  }
  return app->run();
}
