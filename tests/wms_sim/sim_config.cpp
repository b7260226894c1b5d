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

std::string ReadPasswordFile(const std::string& ini_path, const std::string& file) {
  Poco::Path path(file);
  if (path.isRelative()) {
    path = Poco::Path(Poco::Path(ini_path).absolute().parent()).resolve(path);
  }
  if (!Poco::File(path).exists()) {
    throw SimConfigError("goods_owner.password_file " + path.toString() + " does not exist");
  }
  Poco::FileInputStream in(path.toString());
  std::ostringstream text;
  text << in.rdbuf();
  std::string password = text.str();
  while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) {
    password.pop_back();
  }
  return password;
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
  if (!file.empty()) {
    owner.password = ReadPasswordFile(ini_path, file);
  } else if (!env.empty()) {
    if (!Poco::Environment::has(env)) {
      throw SimConfigError("goods_owner.password_env names " + env + ", which is not set");
    }
    owner.password = Poco::Environment::get(env);
  } else {
    throw SimConfigError("[goods_owner] needs password_file or password_env");
  }
  if (owner.password.empty()) {
    throw SimConfigError("the goods owner password is empty");
  }
  return owner;
}

}  // namespace

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
