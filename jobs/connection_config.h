#pragma once
// The installation's configuration file (Poco Util: .ini or .properties), checked whole before
// any work. One file holds one or more connections ([connection.NAME] sections).
// Secrets (the WMS password, the MD5 keys) come from a file or an environment variable named
// in the file, never from the file itself or from argv; a secret file readable by group or
// others is refused. docs/configuration.md lists every key.

#include <Poco/Util/AbstractConfiguration.h>

#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "jobs/schedule.h"
#include "pipeline/secret.h"
#include "stages/common/time_zone.h"
#include "stages/ongoing/soap_wms_client.h"

namespace wmsbridge::jobs {

/// A bad or missing key: the message names the key and the file.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(const std::string& file, const std::string& key, const std::string& problem)
      : std::runtime_error(file + ": " + key + ": " + problem), key_(key) {}
  const std::string& key() const { return key_; }

 private:
  std::string key_;
};

/// An input file the configuration names (a secret file, a CA file, the SQLite database) or the
/// configuration file itself does not exist or cannot be read: exit 66, not 78.
class MissingInputFile : public ConfigError {
 public:
  using ConfigError::ConfigError;
};

/// The largest page a read asks Ongoing for (wms_page_size): Ongoing's own example
/// (developer.ongoingwarehouse.com/paginating-responses, reference notes 6c).
inline constexpr int kMaxWmsPageSize = 1000;

/// The zone of both time settings unless the file says otherwise: Europe/Stockholm.
stages::TimeZone DefaultTimeZone();

/// How the read-backs find Ongoing's shipped orders and received in-orders (docs/readback.md):
/// by Ongoing's "last updated" time since the previous run (time_window), or by Ongoing's
/// report-back marks, set once the ERP has taken a document (report_back; notes 6c).
enum class ReadbackMode { kTimeWindow, kReportBack };

struct ConnectionConfig {
  std::string name;
  std::string file;               // the configuration file it was read from (for messages)
  ongoing::WmsEndpoint endpoint;  // R1
  // Transport: plain http:// to another machine only when the file says so; CA bundle / folder
  // for https (default: the system's); an HTTP proxy (host, port; credentials optional).
  bool allow_insecure_http = false;
  std::string ca_file;
  std::string ca_path;
  std::string proxy_host;  // empty: no proxy
  int proxy_port = 0;
  std::string proxy_user;
  pipeline::Secret proxy_password;
  std::string erp_odbc;         // ODBC connection string of the ERP database
  bool export_articles = true;  // R2
  bool export_customer_orders = false;
  bool export_purchase_orders = false;
  std::vector<std::string> warehouses;  // R3: codes of the connected warehouses
  // R3: Ongoing's warehouse code of a connected ERP warehouse, where the two differ (ERP code ->
  // Ongoing code); an unmapped warehouse has the same code on both sides.
  std::map<std::string, std::string> wms_warehouse_codes;
  std::string start_date;               // R4: YYYY-MM-DD
  std::string sbm_id;                   // R6b
  pipeline::Secret md5_keys;            // R6b
  std::vector<std::string> currencies;  // R6: currencies Ongoing knows (default SEK)
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds send_timeout{30};
  std::chrono::seconds receive_timeout{120};
  int batch_size = 500;
  // Group commit (issue 15): a writer thread commits an export's outcomes while the next
  // documents are sent; at most this many documents are answered but not yet committed
  // (committed in halves, or once the first is commit_group_ms old, and at every batch end).
  int commit_group_size = 200;
  std::chrono::milliseconds commit_group_ms{250};
  // Read-backs ask Ongoing for this many documents per call (reference notes 6c: a maximum
  // count plus "id greater than", their example 1000 per page): as few calls as the data needs.
  int wms_page_size = 1000;
  // The longest wait for a rate limit within a run (Retry-After); longer, or no hint: the method
  // is not called again in the run, which ends with exit 69 (reference notes 6b).
  std::chrono::seconds rate_limit_max_wait{60};
  // The article job compares every article when its last full comparison is older than this
  // (0: only on --full); bounds how long an edit stamped behind the watermark can go unsent.
  int full_comparison_hours = 24;
  // R27: a job's lease lasts this long without renewal; the run renews it every fifth of it.
  int lease_seconds = 300;
  std::vector<int> shipped_statuses{450, 500};  // Ongoing codes that mean shipped (R18)
  bool invoice_at_delivery = false;             // R19
  // Opt-in: report-back writes to the 3PL's Ongoing and, at the switch, reads every document
  // never marked once (docs/readback.md).
  ReadbackMode readback_mode = ReadbackMode::kTimeWindow;
  // Ask Ongoing to notify consignees by SMS; only a mobile number ever gets one.
  bool sms_notification = false;
  // Times (docs/readback.md): a time Ongoing sends without a zone is a wall-clock time of
  // wms_time_zone; times written to the ERP (shipped_at) are wall-clock times of erp_time_zone.
  stages::TimeZone wms_time_zone = DefaultTimeZone();
  stages::TimeZone erp_time_zone = DefaultTimeZone();
  // The stock job (docs/stock-job.md): report differences only, never adjust stock_balance.
  bool stock_report_only = false;
  // Flag a difference for a person instead of adjusting it when it is above this many units /
  // this percentage of the ERP's quantity ("" = no such threshold; plain decimal text).
  std::string stock_threshold_units;
  std::string stock_threshold_percent;
  std::vector<std::string> stock_warehouses;  // default: the connected warehouses
  std::string stock_report_dir;               // default: the log file's folder, else "."
  // run-due (docs/job-runner.md): schedule.NAME / schedule.NAME-full overriding the job list's
  // default schedules ("Mon-Fri 07:00-20:00 every 30m", "daily 02:30", "off").
  std::map<std::string, Schedule> schedules;
  // Stock runs between full comparisons apply Ongoing's change feed (GetInventoryChanges) when
  // the last full comparison started less than this long ago; 0: every run is a full one.
  int stock_full_comparison_hours = 0;
  // Ongoing's webhooks for this connection (R34, docs/webhooks.md): the daemon's receiver
  // accepts them (X-Auth-Token = one of md5_keys, goodsOwnerId = goods_owner_id) and the
  // scheduled deliveries/receipts read becomes the safety net at a lower default frequency.
  bool webhooks = false;
};

struct AppConfig {
  std::string file;
  std::string sql_dir;
  std::string log_file;  // empty: stderr only
  // The log file's rotation (Poco FileChannel "rotation": "10 M", "daily", "1 weeks"), how
  // archived files are named (number or timestamp) and how many are kept.
  std::string log_rotation = "10 M";
  std::string log_archive = "timestamp";
  int log_keep = 10;
  std::string log_level;  // empty: information (--log-level and -v override it)
  // Every SOAP request and answer, secrets masked, one file each in this folder; empty: none.
  std::string trace_soap_dir;
  // Every SOAP message of every call, secrets masked, appended here (troubleshooting); empty:
  // none.
  std::string message_dump_file;
  // Off a terminal (journal, file, pipe) a progress line every so often
  // (wmsbridge.progress_interval_s).
  std::chrono::seconds progress_interval{30};
  std::vector<ConnectionConfig> connections;
  // The zone of every schedule (wmsbridge.time_zone): the installation's wall clock.
  stages::TimeZone time_zone = DefaultTimeZone();
  // How often `daemon` looks for what is due (wmsbridge.daemon_poll_s).
  std::chrono::seconds daemon_poll{60};
  // How many connections run at once (wmsbridge.max_parallel_connections); 1: one after the
  // other.
  int max_parallel_connections = 4;
  // The webhook receiver (R34, docs/webhooks.md) run by `daemon`: HOST:PORT to listen on
  // (wmsbridge.webhook_listen; empty: no receiver), over HTTPS with this certificate and
  // private key (PEM files); plain HTTP only when HOST is a loopback address.
  std::string webhook_listen_host;
  int webhook_listen_port = 0;
  std::string webhook_tls_certificate;
  std::string webhook_tls_private_key;

  /// The named connection; throws ConfigError when there is none of that name.
  const ConnectionConfig& Connection(const std::string& name) const;
};

/// Reads and checks everything, unknown keys and sections first. Throws ConfigError on the first
/// unknown, bad or missing key. A ';' at the start of a value or after a space or tab starts a
/// comment (never part of the value).
AppConfig LoadConfig(const Poco::Util::AbstractConfiguration& config, const std::string& file,
                     const std::string& default_sql_dir);

}  // namespace wmsbridge::jobs
