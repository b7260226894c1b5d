#pragma once
// ToSoap / FromSoap: the only translation between the domain types of stages/wms/ and the
// gSOAP types of generated/. Internal to stages/ongoing/ (it includes gSOAP headers).
//
// ToSoap allocates in the given soap context; the objects live until soap_destroy/soap_end.
// Unset optional values are left out of the message (an empty numeric element makes
// Ongoing's .NET service fail); required nillable ones are sent as xsi:nil.

#include <string>
#include <vector>

#include "soapH.h"
#include "stages/wms/wms_types.h"

namespace wmsbridge::ongoing {

wsi__ArticleDefinition* ToSoap(soap* ctx, const wms::ArticleDefinition& article);
wsi__CustomerOrder* ToSoap(soap* ctx, const wms::CustomerOrder& order);
wsi__InOrder* ToSoap(soap* ctx, const wms::InOrder& order);
wsi__OrderFilters* ToSoap(soap* ctx, const wms::OrderQuery& query);
wsi__InOrderFilters* ToSoap(soap* ctx, const wms::InOrderQuery& query);
wsi__GetInventoryQuery* ToSoapInventoryQuery(soap* ctx, const wms::InventoryQuery& query);
wsi__GetInventoryPerWarehouseQuery* ToSoapPerWarehouseQuery(soap* ctx,
                                                            const wms::InventoryQuery& query);
wsi__InventoryChangesQuery* ToSoap(soap* ctx, const wms::InventoryChangesQuery& query);
wsi__UpdateOrderLines* ToSoapOrderLinesReported(soap* ctx, const wms::ReportedDocument& order);
wsi__UpdateInOrderLines* ToSoapInOrderLinesReported(soap* ctx,
                                                    const wms::ReportedDocument& in_order);

wms::ShippedOrder FromSoap(const wsi__Order& order);
wms::ReceivedInOrder FromSoap(const wsi__ReceivedInOrder& order);
wms::ArticleStock FromSoap(const wsi__InventoryLine& line);
wms::ArticleStock FromSoap(const wsi__PerWarehouseArticleLine& line);
wms::InventoryChange FromSoap(const wsi__InventoryChangeLine& line);
std::vector<wms::TransporterContract> FromSoap(const wsi__GetTransporterContractsResult& result);

/// xsd:dateTime from an ISO date or date-time: "2026-11-27" becomes "2026-11-27T00:00:00".
std::string ToXsdDateTime(const std::string& iso);

}  // namespace wmsbridge::ongoing
