#pragma once
// What the WMS service URL says about the transport, decided from the text alone (no DNS): plain
// http:// carries the password in clear, which is acceptable only on the machine itself.

#include <string>

namespace wmsbridge::jobs {

/// The host of an http(s) URL as written ("[::1]" without brackets); "" when there is none.
std::string UrlHost(const std::string& url);

/// True for localhost, 127.0.0.0/8 and ::1 written as literals; never looks a name up.
bool IsLoopbackHost(const std::string& host);

}  // namespace wmsbridge::jobs
