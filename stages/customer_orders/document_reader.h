#pragma once
// Reading shared by the order-like documents (customer, purchase and internal orders): the
// documents a connection sent that are gone from the ERP, and the lines of one page.

#include <string>
#include <vector>

#include "stages/customer_orders/order_row.h"
#include "stages/erp/erp_database.h"

namespace wmsbridge::customer_orders {

/// Rows of a sql/queries/extract_vanished_*.sql query (doc_no, erp_id, wms_id) as vanished
/// documents. Throws Poco::Data::DataException.
std::vector<ErpOrder> ReadVanished(erp::ErpDatabase& db, const std::string& query,
                                   const std::string& connection_name);

/// Attaches the lines of a page (ids from the first to the last document, ascending) with a
/// query shaped as extract_customer_order_lines.sql. Throws Poco::Data::DataException.
void AttachLines(erp::ErpDatabase& db, const std::string& query, std::vector<ErpOrder>& documents);

/// The connected warehouse codes as the extract queries take them: ",MAIN,NORTH,".
std::string CodeList(const std::vector<std::string>& codes);

}  // namespace wmsbridge::customer_orders
