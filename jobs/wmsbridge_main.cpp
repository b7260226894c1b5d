// Poco's POCO_APP_MAIN turns every error of the command line into 78 (EXIT_CONFIG); an unknown
// option, a missing argument or a repeated option is a usage error: 64, with the help's hint.
#include <Poco/AutoPtr.h>
#include <Poco/Util/OptionException.h>

#include <iostream>

#include "jobs/wmsbridge_app.h"

int main(int argc, char** argv) {
  Poco::AutoPtr<wmsbridge::jobs::WmsBridgeApp> app = new wmsbridge::jobs::WmsBridgeApp;
  try {
    app->init(argc, argv);
  } catch (const Poco::Util::OptionException& e) {
    std::cerr << "wmsbridge: " << e.displayText() << "; see wmsbridge --help\n";
    return Poco::Util::Application::EXIT_USAGE;
  } catch (const Poco::Exception& e) {
    std::cerr << "wmsbridge: " << e.displayText() << "\n";
    return Poco::Util::Application::EXIT_CONFIG;
  }
  return app->run();
}
