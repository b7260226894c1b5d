#pragma once
// The keys a configuration file may hold. A key or section the loader does not know is a
// configuration error naming it (with the nearest known key when one is close), so a misspelt
// `batch_szie` or `[export.customer_order]` stops the program instead of being ignored.

#include <Poco/Util/AbstractConfiguration.h>

#include <optional>
#include <string>
#include <vector>

namespace wmsbridge::jobs {

/// Keys of the [wmsbridge] section, without the section name.
const std::vector<std::string>& GeneralKeys();
/// Keys of a [connection.NAME] section, without the section name.
const std::vector<std::string>& ConnectionKeys();

/// True when `key` is listed in `keys`; an entry ending in ".*" (e.g. "schedule.*") admits every
/// key under that prefix, whose names the loader then checks itself. Never throws.
bool IsKnownKey(const std::string& key, const std::vector<std::string>& keys);

/// The candidate nearest to `key` (case-insensitive edit distance of at most 2), if any.
std::optional<std::string> NearestKey(const std::string& key,
                                      const std::vector<std::string>& candidates);

/// Checks every key of the file against GeneralKeys() and ConnectionKeys(). Call before reading
/// any value; throws ConfigError naming the first unknown key (or section) of the file, with
/// "did you mean" for a near miss.
void CheckKnownKeys(const Poco::Util::AbstractConfiguration& config, const std::string& file);

}  // namespace wmsbridge::jobs
