#include "jobs/wmsbridge_app.h"

POCO_APP_MAIN(wmsbridge::jobs::WmsBridgeApp)
