#include "jobs/job_definitions.h"

#include "jobs/article_job.h"
#include "jobs/order_jobs.h"
#include "jobs/readback_jobs.h"
#include "jobs/stock_job.h"

namespace wmsbridge::jobs {

const std::vector<JobDefinition>& JobDefinitions() {
  using std::chrono::minutes;
  static const std::vector<JobDefinition> jobs = {
      {"articles", &RunArticleJob, &ConnectionConfig::export_articles,
       "export new and changed articles to the WMS",
       Schedule::Weekdays(7, 0, 20, 0, minutes(30)),  // R7
       Schedule::Nightly(1, 30)},                     // the full comparison
      {"customer-orders", &RunCustomerOrderJob, &ConnectionConfig::export_customer_orders,
       "export new, changed, cancelled and deleted customer orders",
       Schedule::Weekdays(5, 0, 21, 0, minutes(15)),  // R12
       std::nullopt},
      {"purchase-orders", &RunPurchaseOrderJob, &ConnectionConfig::export_purchase_orders,
       "export purchase orders as in-orders",
       Schedule::Weekdays(5, 35, 20, 35, minutes(120)),  // R20
       std::nullopt},
      {"internal-orders", &RunInternalOrderJob, nullptr,
       "send requested internal orders, cancel deleted ones",
       Schedule::Weekdays(5, 0, 21, 0, minutes(15)), std::nullopt},
      {"deliveries", &RunDeliveryJob, nullptr,
       "shipped orders back into the ERP: quantities, tracking, invoices",
       Schedule::Parse("Mon-Sat 05:10-22:10 every 15m"), std::nullopt,
       Schedule::Parse("Mon-Sat 05:10-22:10 every 2h")},  // the safety net with webhooks (R34)
      {"receipts", &RunReceiptJob, nullptr,
       "received in-orders back into the ERP's purchase orders",
       Schedule::Parse("Mon-Sat 05:20-22:20 every 30m"), std::nullopt,
       Schedule::Parse("Mon-Sat 05:20-22:20 every 2h")},
      {"stock", &RunStockJob, nullptr,
       "compare stock with the WMS, adjust stock_balance, write a reconciliation report",
       Schedule::Nightly(2, 30), std::nullopt}};  // R25: nightly
  return jobs;
}

const JobDefinition* FindJob(const std::string& name) {
  for (const JobDefinition& job : JobDefinitions()) {
    if (job.name == name)
      return &job;
  }
  return nullptr;
}

}  // namespace wmsbridge::jobs
