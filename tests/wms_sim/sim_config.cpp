#include "tests/wms_sim/sim_config.h"

#include <Poco/AutoPtr.h>
#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <sstream>

namespace wmsbridge::sim {

namespace {

using Poco::Util::AbstractConfiguration;

// Poco's ini reader keeps "value   ; comment" whole; a ';' after blanks starts a comment here.
std::string Value(const AbstractConfiguration& ini, const std::string& key,
                  const std::string& fallback = "") {
  std::string value = ini.getRawString(key, fallback);
  for (std::size_t pos = value.find(';'); pos != std::string::npos;
       pos = value.find(';', pos + 1)) {
    if (pos == 0 || value[pos - 1] == ' ' || value[pos - 1] == '\t') {
      value.erase(pos);
      break;
    }
  }
  return Poco::trim(value);
}

GoodsOwner ReadGoodsOwner(const AbstractConfiguration& ini, const std::string& ini_path) {
  GoodsOwner owner;
  owner.code = Value(ini, "goods_owner.code");
  owner.user_name = Value(ini, "goods_owner.user");
  const std::string id_text = Value(ini, "goods_owner.id");
  if (owner.code.empty() || owner.user_name.empty() || id_text.empty()) {
    throw SimConfigError("[goods_owner] needs code, id and user");
  }
  if (!Poco::NumberParser::tryParse(id_text, owner.id) || owner.id <= 0) {
    throw SimConfigError("goods_owner.id must be a positive integer, not '" + id_text + "'");
  }
  const std::string file = Value(ini, "goods_owner.password_file");
  const std::string env = Value(ini, "goods_owner.password_env");
  if (file.empty() && env.empty()) {
    throw SimConfigError("[goods_owner] needs password_file or password_env");
  }
  owner.password = ReadSecret(file, env, "goods_owner.password", ini_path);
  return owner;
}

std::optional<WebhookSettings> ReadWebhooks(const AbstractConfiguration& ini,
                                            const std::string& ini_path) {
  const std::string url = Value(ini, "webhooks.url");
  if (url.empty()) {
    return std::nullopt;
  }
  WebhookSettings settings;
  settings.base_url = url;
  for (const char* key : {"retry", "minute_ms", "timeout_ms", "ca_file"}) {
    const std::string value = Value(ini, std::string("webhooks.") + key);
    if (!value.empty()) {
      ParseWebhookValue(settings, key, value, "webhooks.");
    }
  }
  const std::string file = Value(ini, "webhooks.token_file");
  const std::string env = Value(ini, "webhooks.token_env");
  if (file.empty() && env.empty()) {
    throw SimConfigError("[webhooks] needs token_file or token_env (the X-Auth-Token)");
  }
  settings.token = ReadSecret(file, env, "webhooks.token", ini_path);
  return settings;
}

}  // namespace

std::string ReadSecret(const std::string& file, const std::string& env, const std::string& what,
                       const std::string& relative_to) {
  std::string secret;
  if (!file.empty()) {
    Poco::Path path(file);
    if (path.isRelative() && !relative_to.empty()) {
      path = Poco::Path(Poco::Path(relative_to).absolute().parent()).resolve(path);
    }
    if (!Poco::File(path).exists()) {
      throw SimConfigError(what + "_file " + path.toString() + " does not exist");
    }
    Poco::FileInputStream in(path.toString());
    std::ostringstream text;
    text << in.rdbuf();
    secret = text.str();
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) {
      secret.pop_back();
    }
  } else {
    if (!Poco::Environment::has(env)) {
      throw SimConfigError(what + "_env names " + env + ", which is not set");
    }
    secret = Poco::Environment::get(env);
  }
  if (secret.empty()) {
    throw SimConfigError("the " + what + " is empty");
  }
  return secret;
}

void ParseWebhookValue(WebhookSettings& settings, const std::string& key, const std::string& value,
                       const std::string& prefix) {
  if (key == "url") {
    settings.base_url = value;
  } else if (key == "retry") {
    const auto retry = WebhookRetryFromName(value);
    if (!retry) {
      throw SimConfigError(prefix + "retry is none or one_day, not '" + value + "'");
    }
    settings.retry = *retry;
  } else if (key == "minute_ms") {
    double minute_ms = 0;
    if (!Poco::NumberParser::tryParseFloat(value, minute_ms) || !(minute_ms > 0)) {
      throw SimConfigError(prefix + "minute_ms wants a number of ms above 0, not '" + value + "'");
    }
    settings.minute_ms = minute_ms;
  } else if (key == "timeout_ms") {
    int timeout_ms = 0;
    if (!Poco::NumberParser::tryParse(value, timeout_ms) || timeout_ms <= 0) {
      throw SimConfigError(prefix + "timeout_ms wants a whole number of ms above 0, not '" + value +
                           "'");
    }
    settings.timeout_ms = timeout_ms;
  } else if (key == "ca_file") {
    settings.ca_file = value;
  } else {
    throw SimConfigError(prefix + key + " is not a webhook setting");
  }
}

SimConfig LoadSimConfig(const std::string& path) {
  if (!Poco::File(path).exists()) {
    throw SimConfigError("config file " + path + " does not exist");
  }
  Poco::AutoPtr<Poco::Util::IniFileConfiguration> ini;
  try {
    ini = Poco::makeAuto<Poco::Util::IniFileConfiguration>(path);
  } catch (const Poco::Exception& error) {
    throw SimConfigError("cannot read " + path + ": " + error.displayText());
  }
  SimConfig config;
  config.goods_owners.push_back(ReadGoodsOwner(*ini, path));
  config.webhooks = ReadWebhooks(*ini, path);

  AbstractConfiguration::Keys codes;
  ini->keys("transporters", codes);
  for (const std::string& code : codes) {
    AbstractConfiguration::Keys services;
    ini->keys("transporters." + code, services);
    for (const std::string& service : services) {
      const std::string name = Value(*ini, "transporters." + code + "." + service);
      config.transporters.push_back({code, service, name.empty() ? code + " " + service : name});
    }
  }

  Poco::StringTokenizer list(
      Value(*ini, "currencies.list", "SEK"), ",",
      Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
  config.currencies.assign(list.begin(), list.end());

  AbstractConfiguration::Keys ids;
  ini->keys("warehouses", ids);
  for (const std::string& id_text : ids) {
    Warehouse warehouse;
    if (!Poco::NumberParser::tryParse(id_text, warehouse.id) || warehouse.id <= 0) {
      throw SimConfigError("[warehouses] keys are warehouse ids, not '" + id_text + "'");
    }
    warehouse.code = Value(*ini, "warehouses." + id_text);
    if (warehouse.code.empty()) {
      throw SimConfigError("warehouse " + id_text + " has no code");
    }
    config.warehouses.push_back(warehouse);
  }
  if (config.warehouses.empty()) {
    config.warehouses.push_back({1, "MAIN"});
  }

  AbstractConfiguration::Keys limited;
  ini->keys("rate_limits", limited);
  for (const std::string& name : limited) {
    if (name == "answer") {
      const std::string answer = Value(*ini, "rate_limits.answer");
      config.rate_limit_answer = RateLimitAnswerFromName(answer);
      if (!config.rate_limit_answer) {
        throw SimConfigError("rate_limits.answer is http429, fault or refusal, not '" + answer +
                             "'");
      }
      continue;
    }
    const auto operation = OperationFromName(name);
    if (!operation) {
      throw SimConfigError("[rate_limits]: unknown operation '" + name + "'");
    }
    AbstractConfiguration::Keys kinds;
    ini->keys("rate_limits." + name, kinds);
    for (const std::string& kind_name : kinds) {
      const std::string key = "rate_limits." + name + "." + kind_name;
      const auto kind = RateLimitKindFromName(kind_name);
      const auto spec = ParseLimitSpec(Value(*ini, key));
      if (!kind || !spec) {
        throw SimConfigError(key + ": want OPERATION.volume or OPERATION.failures = N/SECONDS");
      }
      config.rate_limits.push_back({*operation, *kind, spec->first, spec->second});
    }
  }
  return config;
}

}  // namespace wmsbridge::sim
