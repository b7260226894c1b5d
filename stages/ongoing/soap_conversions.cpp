#include "stages/ongoing/soap_conversions.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>

namespace wmsbridge::ongoing {
namespace {

// Optional string element: left out when empty.
std::string* Str(soap* ctx, const std::string& value) {
  if (value.empty())
    return nullptr;
  std::string* p = soap_new_std__string(ctx);
  *p = value;
  return p;
}

std::string* Str(soap* ctx, const std::optional<std::string>& value) {
  return value ? Str(ctx, *value) : nullptr;
}

int* Int(soap* ctx, std::optional<int> value) {
  if (!value)
    return nullptr;
  int* p = soap_new_int(ctx);
  *p = *value;
  return p;
}

bool* Bool(soap* ctx, bool value) {
  bool* p = soap_new_bool(ctx);
  *p = value;
  return p;
}

std::string Get(const std::string* p) {
  return p ? *p : std::string();
}

std::optional<std::string> Optional(const std::string* p) {
  return p ? std::optional<std::string>(*p) : std::nullopt;
}

wsi__ArrayOfString* Strings(soap* ctx, const std::vector<std::string>& values) {
  if (values.empty())
    return nullptr;
  auto* array = soap_new_wsi__ArrayOfString(ctx);
  array->string = values;
  return array;
}

wsi__ArrayOfInt* Ints(soap* ctx, const std::vector<int>& values) {
  if (values.empty())
    return nullptr;
  auto* array = soap_new_wsi__ArrayOfInt(ctx);
  array->int_ = values;
  return array;
}

wsi__OrderOperation ToSoap(wms::OrderOperation op) {
  switch (op) {
    case wms::OrderOperation::kCreate:
      return wsi__OrderOperation__Create;
    case wms::OrderOperation::kCreateOrUpdate:
      return wsi__OrderOperation__CreateOrUpdate;
    case wms::OrderOperation::kUpdate:
      return wsi__OrderOperation__Update;
    case wms::OrderOperation::kRemove:
      return wsi__OrderOperation__Remove;
  }
  return wsi__OrderOperation__CreateOrUpdate;
}

wsi__InOrderOperation ToSoap(wms::InOrderOperation op) {
  switch (op) {
    case wms::InOrderOperation::kCreate:
      return wsi__InOrderOperation__Create;
    case wms::InOrderOperation::kCreateOrUpdate:
      return wsi__InOrderOperation__CreateOrUpdate;
    case wms::InOrderOperation::kRemove:
      return wsi__InOrderOperation__Remove;
  }
  return wsi__InOrderOperation__CreateOrUpdate;
}

std::string* DateTime(soap* ctx, const std::optional<std::string>& iso) {
  if (!iso)
    return nullptr;
  std::string* p = soap_new_std__string(ctx);
  *p = ToXsdDateTime(*iso);
  return p;
}

}  // namespace

std::string ToXsdDateTime(const std::string& iso) {
  int tz = 0;
  const Poco::DateTime parsed = Poco::DateTimeParser::parse(iso, tz);
  return Poco::DateTimeFormatter::format(parsed, "%Y-%m-%dT%H:%M:%S");
}

wsi__ArticleDefinition* ToSoap(soap* ctx, const wms::ArticleDefinition& article) {
  auto* art = soap_new_wsi__ArticleDefinition(ctx);
  art->ArticleOperation = wsi__ArticleOperation__CreateOrUpdate;
  art->ArticleIdentification = wsi__ArticleIdentificationType__ArticleNumber;
  art->ArticleSystemId = nullptr;  // nil: identified by number
  art->ArticleNumber = Str(ctx, article.article_number);
  art->ArticleName = Str(ctx, article.name);
  art->BarCode = Str(ctx, article.barcode);
  art->SupplierArticleNumber = Str(ctx, article.supplier_article_number);
  art->ArticleUnitCode = Str(ctx, article.unit_code);
  art->StatisticsNumber = Str(ctx, article.statistics_number);
  art->Weight = Str(ctx, article.weight_kg);
  art->Volume = Str(ctx, article.volume_m3);
  art->IsStockArticle = Bool(ctx, article.is_stock_article);
  art->IsActive = article.is_active ? Bool(ctx, *article.is_active) : nullptr;
  return art;
}

wsi__CustomerOrder* ToSoap(soap* ctx, const wms::CustomerOrder& order) {
  auto* co = soap_new_wsi__CustomerOrder(ctx);
  auto* info = soap_new_wsi__OrderInfoClass(ctx);
  info->OrderIdentification = wsi__OrderIdentificationType__GoodsOwnerOrderNumber;
  info->OrderOperation = ToSoap(order.operation);
  info->ReferenceNumber = Str(ctx, order.reference);
  info->GoodsOwnerOrderNumber = Str(ctx, order.order_number);
  info->GoodsOwnerOrderId = Str(ctx, order.goods_owner_order_id);
  info->OrderRemark = Str(ctx, order.remark);
  info->DeliveryInstruction = Str(ctx, order.delivery_instruction);
  info->DeliveryDate = ToXsdDateTime(order.delivery_date);
  if (!order.order_type_code.empty()) {
    info->OrderType = soap_new_wsi__OrderType(ctx);
    info->OrderType->OrderTypeOperation = wsi__OrderTypeOperation__CreateOrFind;
    info->OrderType->OrderTypeIdentification = wsi__OrderTypeIdentification__OrderTypeCode;
    info->OrderType->OrderTypeCode = Str(ctx, order.order_type_code);
  }
  if (!order.warehouse_code.empty()) {
    info->OutboundWarehouse = soap_new_wsi__OutboundWarehouse(ctx);
    info->OutboundWarehouse->WarehouseIdentification =
        wsi__WarehouseIdentificationType__WarehouseCode;
    info->OutboundWarehouse->WarehouseCode = Str(ctx, order.warehouse_code);
    info->OutboundWarehouse->WarehouseId = nullptr;  // nil: identified by code
  }
  info->OrderServicePointCode = Str(ctx, order.service_point_code);
  co->OrderInfo = info;

  if (order.operation != wms::OrderOperation::kRemove) {
    const wms::Consignee& c = order.consignee;
    auto* customer = soap_new_wsi__Customer(ctx);
    customer->CustomerOperation = wsi__CustomerOperation__CreateOrUpdate;
    customer->CustomerIdentification = wsi__CustomerIdentificationType__ExternalCustomerCode;
    customer->ExternalCustomerCode = Str(ctx, c.customer_number);
    customer->CustomerNumber = Str(ctx, c.customer_number);
    customer->CustomerId = nullptr;
    customer->DeliveryAddressId = nullptr;
    customer->InvoiceAddressId = nullptr;
    customer->Name = Str(ctx, c.name);
    customer->Address = Str(ctx, c.address);
    customer->Address2 = Str(ctx, c.address2);
    customer->PostCode = Str(ctx, c.postcode);
    customer->City = Str(ctx, c.city);
    customer->TelePhone = Str(ctx, c.phone);
    customer->Email = Str(ctx, c.email);
    customer->MobilePhone = Str(ctx, c.mobile_phone);
    customer->CountryCode = Str(ctx, c.country_code);
    customer->IsVisible = true;
    customer->NotifyBySMS = c.notify_by_sms;
    customer->NotifyByEmail = !c.email.empty();
    customer->NotifyByTelephone = false;
    co->Customer = customer;

    if (order.transporter_code) {
      auto* tc = soap_new_wsi__TransporterContractClass(ctx);
      tc->TransporterContractIdentification =
          wsi__TransporterContractIdentificationType__CodeAndServiceCode;
      tc->TransporterContractOperation = wsi__TransporterContractOperation__Find;
      tc->TransportPayment = wsi__TransportPaymentType__Prepaid;
      tc->TransporterCode = Str(ctx, order.transporter_code);
      tc->TransporterServiceCode = Str(ctx, order.transporter_service_code);
      co->TransporterContract = tc;
    }
    if (!order.lines.empty()) {
      co->CustomerOrderLines = soap_new_wsi__ArrayOfCustomerOrderLine(ctx);
      for (const wms::OrderLine& l : order.lines) {
        auto* line = soap_new_wsi__CustomerOrderLine(ctx);
        line->OrderLineIdentification = wsi__OrderLineIdentificationType__ExternalOrderLineCode;
        line->ArticleIdentification = wsi__ArticleIdentificationType__ArticleNumber;
        line->SubOrderLineSpecification = nullptr;
        line->ExternalOrderLineCode = Str(ctx, l.external_line_code);
        line->OrderLineComment = Str(ctx, l.comment);
        line->ArticleNumber = Str(ctx, l.article_number);
        line->ArticleName = Str(ctx, l.article_name);
        line->LinePrice = Str(ctx, l.line_price);
        line->NumberOfItems = l.quantity;
        line->CurrencyCode = Str(ctx, l.currency_code);
        co->CustomerOrderLines->CustomerOrderLine.push_back(line);
      }
    }
    if (!order.text_lines.empty()) {
      co->CustomerOrderTextLines = soap_new_wsi__ArrayOfCustomerOrderTextLine(ctx);
      for (const wms::TextLine& t : order.text_lines) {
        auto* line = soap_new_wsi__CustomerOrderTextLine(ctx);
        line->ExternalOrderLineCode = Str(ctx, t.external_line_code);
        line->OrderLineComment = Str(ctx, t.text);
        line->NumberOfItems = nullptr;
        co->CustomerOrderTextLines->CustomerOrderTextLine.push_back(line);
      }
    }
  }
  return co;
}

wsi__InOrder* ToSoap(soap* ctx, const wms::InOrder& order) {
  auto* io = soap_new_wsi__InOrder(ctx);
  auto* info = soap_new_wsi__InOrderInfoClass(ctx);
  info->InOrderIdentification = wsi__InOrderIdentificationType__GoodsOwnerOrderNumber;
  info->InOrderOperation = ToSoap(order.operation);
  info->GoodsOwnerOrderNumber = Str(ctx, order.order_number);
  info->ReferenceNumber = Str(ctx, order.reference);
  info->OrderRemark = Str(ctx, order.remark);
  info->InDate = order.in_date.empty() ? nullptr : DateTime(ctx, order.in_date);
  info->OrderDate = order.order_date.empty() ? nullptr : DateTime(ctx, order.order_date);
  if (!order.warehouse_code.empty()) {
    info->Warehouse = soap_new_wsi__InOrderWarehouse(ctx);
    info->Warehouse->InOrderWarehouseIdentification =
        wsi__InOrderWarehouseIdentificationType__WarehouseCode;
    info->Warehouse->InOrderWarehouseOperation = wsi__InOrderWarehouseOperationType__Find;
    info->Warehouse->WarehouseCode = Str(ctx, order.warehouse_code);
  }
  io->InOrderInfo = info;
  if (order.operation != wms::InOrderOperation::kRemove) {
    if (!order.supplier_number.empty()) {
      auto* supplier = soap_new_wsi__InOrderSupplier(ctx);
      supplier->InOrderSupplierIdentificationType =
          wsi__InOrderSupplierIdentificationType__SupplierNumber;
      supplier->InOrderSupplierOperation = wsi__InOrderSupplierOperation__CreateOrUpdate;
      supplier->SupplierNumber = Str(ctx, order.supplier_number);
      supplier->SupplierName = Str(ctx, order.supplier_name);
      io->InOrderSupplier = supplier;
    }
    if (!order.lines.empty()) {
      io->InOrderLines = soap_new_wsi__ArrayOfInOrderLine(ctx);
      for (const wms::InOrderLine& l : order.lines) {
        auto* line = soap_new_wsi__InOrderLine(ctx);
        line->OrderLineIdentification = wsi__OrderLineIdentificationType__ExternalOrderLineCode;
        line->ArticleIdentification = wsi__ArticleIdentificationType__ArticleNumber;
        line->ExternalOrderLineCode = Str(ctx, l.external_line_code);
        line->OrderLineComment = Str(ctx, l.comment);
        line->ArticleNumber = Str(ctx, l.article_number);
        line->ArticleName = Str(ctx, l.article_name);
        line->NumberOfItems = l.quantity;
        io->InOrderLines->InOrderLine.push_back(line);
      }
    }
  }
  return io;
}

wsi__OrderFilters* ToSoap(soap* ctx, const wms::OrderQuery& query) {
  auto* f = soap_new_wsi__OrderFilters(ctx);  // every nillable date filter stays nil
  f->OrderStatusFrom = Int(ctx, query.status_from);
  f->OrderStatusTo = Int(ctx, query.status_to);
  f->LastUpdatedFrom = DateTime(ctx, query.last_updated_from);
  f->OrderNumbersToGet = Strings(ctx, query.order_numbers);
  f->OrderIdsToGet = Ints(ctx, query.order_ids);
  f->MaxOrdersToGet = Int(ctx, query.max_count);
  f->OrderIdFrom = Int(ctx, query.order_id_from);
  if (query.only_to_report) {  // else left out: the request stays as it always was
    f->OrderSpecialFilters = soap_new_wsi__OrderSpecialFilters(ctx);
    f->OrderSpecialFilters->OnlyOrdersWithOrderLinesToReport = Bool(ctx, true);
  }
  return f;
}

wsi__InOrderFilters* ToSoap(soap* ctx, const wms::InOrderQuery& query) {
  auto* f = soap_new_wsi__InOrderFilters(ctx);
  f->InOrderStatusFrom = Int(ctx, query.status_from);
  f->InOrderStatusTo = Int(ctx, query.status_to);
  f->LastUpdatedFrom = DateTime(ctx, query.last_updated_from);
  f->InOrderNumbersToGet = Strings(ctx, query.order_numbers);
  f->InOrderIdsToGet = Ints(ctx, query.in_order_ids);
  f->MaxInOrdersToGet = Int(ctx, query.max_count);
  f->InOrderIdFrom = Int(ctx, query.in_order_id_from);
  if (query.only_to_report) {  // both booleans are required once the block is sent
    f->InOrderSpecialFilters = soap_new_wsi__InOrderSpecialFilters(ctx);
    f->InOrderSpecialFilters->OnlyGetUnDeclaredInOrders = false;
    f->InOrderSpecialFilters->OnlyWithInOrderLinesWithDiffingReceviedToReported = true;
  }
  return f;
}

wsi__GetInventoryQuery* ToSoapInventoryQuery(soap* ctx, const wms::InventoryQuery& query) {
  auto* q = soap_new_wsi__GetInventoryQuery(ctx);
  q->ArticleNumbersToGet = Strings(ctx, query.article_numbers);
  q->MaxArticlesToGet = Int(ctx, query.max_count);
  q->ArticleSystemIdFrom = Int(ctx, query.article_system_id_from);
  return q;
}

wsi__GetInventoryPerWarehouseQuery* ToSoapPerWarehouseQuery(soap* ctx,
                                                            const wms::InventoryQuery& query) {
  auto* q = soap_new_wsi__GetInventoryPerWarehouseQuery(ctx);
  q->ArticleNumbersToGet = Strings(ctx, query.article_numbers);
  q->MaxArticlesToGet = Int(ctx, query.max_count);
  q->ArticleSystemIdFrom = Int(ctx, query.article_system_id_from);
  if (query.warehouse_ids && !query.warehouse_ids->empty()) {
    q->GetInventoryForWarehouseIds = soap_new_wsi__ArrayOfInt(ctx);
    q->GetInventoryForWarehouseIds->int_ = *query.warehouse_ids;
  }
  return q;
}

wsi__InventoryChangesQuery* ToSoap(soap* ctx, const wms::InventoryChangesQuery& query) {
  auto* q = soap_new_wsi__InventoryChangesQuery(ctx);
  // No time window ("" = none) goes as nil: the feed of everything unreported.
  const auto when = [](const std::string& t) {
    return t.empty() ? std::nullopt : std::optional<std::string>(t);
  };
  q->FromDate = DateTime(ctx, when(query.from_time));
  q->ToDate = DateTime(ctx, when(query.to_time));
  q->ToTime = DateTime(ctx, when(query.to_time));
  q->InventoryId = nullptr;
  q->UnReported = Bool(ctx, query.only_unreported);
  q->WarehouseId = Int(ctx, query.warehouse_id);
  q->MaxArticlesToGet = Int(ctx, query.max_count);
  q->ArticleDefIdFrom = Int(ctx, query.article_id_from);
  return q;
}

wsi__UpdateOrderLines* ToSoapOrderLinesReported(soap* ctx, const wms::ReportedDocument& order) {
  auto* update = soap_new_wsi__UpdateOrderLines(ctx);
  // By Ongoing's id: the read gave it, and OrderId is required in any case (notes 7.11).
  update->UpdateOrderIdentification = soap_new_wsi__UpdateOrderIdentification(ctx);
  update->UpdateOrderIdentification->OrderIdentificationType =
      wsi__UpdateOrderIdentificationType__SystemId;
  update->UpdateOrderIdentification->OrderId = order.wms_id;
  update->OrderLines = soap_new_wsi__ArrayOfUpdateOrderLine(ctx);
  for (const wms::ReportedLine& l : order.lines) {
    auto* line = soap_new_wsi__UpdateOrderLine(ctx);
    line->UpdateOrderLineIdentification = soap_new_wsi__UpdateOrderLineIdentification(ctx);
    line->UpdateOrderLineIdentification->OrderLineIdentificationType =
        wsi__UpdateOrderLineIdentificationType__OrderLineId;
    line->UpdateOrderLineIdentification->OrderLineId = Int(ctx, l.line_id);
    line->UpdateReportedNumberOfItems = soap_new_wsi__UpdateOrderLineReportedNumberOfItems(ctx);
    line->UpdateReportedNumberOfItems->ReportedNumberOfItems = Str(ctx, l.quantity);
    update->OrderLines->UpdateOrderLine.push_back(line);
  }
  return update;
}

wsi__UpdateInOrderLines* ToSoapInOrderLinesReported(soap* ctx,
                                                    const wms::ReportedDocument& in_order) {
  auto* update = soap_new_wsi__UpdateInOrderLines(ctx);
  update->UpdateInOrderIdentification = soap_new_wsi__UpdateInOrderIdentification(ctx);
  update->UpdateInOrderIdentification->InOrderIdentificationType =
      wsi__UpdateInOrderIdentificationType__SystemId;
  update->UpdateInOrderIdentification->InOrderId = in_order.wms_id;
  update->InOrderLines = soap_new_wsi__ArrayOfUpdateInOrderLine(ctx);
  for (const wms::ReportedLine& l : in_order.lines) {
    auto* line = soap_new_wsi__UpdateInOrderLine(ctx);
    line->UpdateInOrderLineIdentification = soap_new_wsi__UpdateInOrderLineIdentification(ctx);
    line->UpdateInOrderLineIdentification->InOrderLineIdentificationType =
        wsi__UpdateInOrderLineIdentificationType__InOrderLineId;
    line->UpdateInOrderLineIdentification->InOrderLineId = Int(ctx, l.line_id);
    line->UpdateReportedNumberOfItems = soap_new_wsi__UpdateInOrderLineReportedNumberOfItems(ctx);
    line->UpdateReportedNumberOfItems->ReportedNumberOfItems = Str(ctx, l.quantity);
    update->InOrderLines->UpdateInOrderLine.push_back(line);
  }
  return update;
}

wms::ShippedOrder FromSoap(const wsi__Order& order) {
  wms::ShippedOrder out;
  if (const wsi__OrderInfoType* info = order.OrderInfo) {
    out.order_id = info->OrderId;
    out.order_number = Get(info->GoodsOwnerOrderNumber);
    out.status = info->OrderStatusNumber;
    out.status_text = Get(info->OrderStatusText);
    out.waybill = Get(info->WayBill);
    out.shipped_time = info->ShippedTime;
  }
  if (order.Transporter) {
    out.transporter_code = Get(order.Transporter->Code);
    out.transporter_service_code = Get(order.Transporter->ServiceCode);
  }
  if (order.PickedOrderLines) {
    for (const wsi__PickedOrderLine* l : order.PickedOrderLines->PickedOrderLine) {
      if (l == nullptr)
        continue;
      out.lines.push_back({Get(l->ExternalOrderLineCode),
                           l->Article ? Get(l->Article->ArticleNumber) : std::string(),
                           l->OrderedNumberOfItems, l->PickedNumberOfItems, l->OrderLineSystemId,
                           Optional(l->ReportedNumberOfItems)});
    }
  }
  if (order.OrderPalletItems) {
    for (const wsi__OrderPalletItemInfo* p : order.OrderPalletItems->OrderPalletItemInfo) {
      if (p == nullptr)
        continue;
      out.parcels.push_back(
          {Get(p->LabelId), p->Tracking ? Get(p->Tracking->TrackingUrl) : "", p->IsTaPalletItem});
    }
  }
  if (order.Tracking) {
    for (const wsi__OrderTrackingInfo* t : order.Tracking->OrderTrackingInfo) {
      if (t != nullptr)
        out.shipment_tracking.push_back({Get(t->Waybill), Get(t->TrackingUrl)});
    }
  }
  return out;
}

wms::ReceivedInOrder FromSoap(const wsi__ReceivedInOrder& order) {
  wms::ReceivedInOrder out;
  if (const wsi__ReceivedInOrderInfoClass* info = order.InOrderInfo) {
    out.in_order_id = info->InOrderId;
    out.order_number = Get(info->GoodsOwnerOrderNumber);
    out.status = info->InOrderStatusNumber;
    out.status_text = Get(info->InOrderStatusText);
  }
  if (order.ReceivedInOrderLines) {
    for (const wsi__ReceivedInOrderLine* l : order.ReceivedInOrderLines->ReceivedInOrderLine) {
      if (l == nullptr)
        continue;
      out.lines.push_back({l->InOrderLineId, Get(l->ExternalOrderLineCode),
                           l->Article ? Get(l->Article->ArticleNumber) : std::string(),
                           l->AdvisedNumberOfItems, l->ReceivedNumberOfItems,
                           Optional(l->ReportedNumberOfItems)});
    }
  }
  return out;
}

wms::ArticleStock FromSoap(const wsi__InventoryLine& line) {
  wms::ArticleStock out;
  if (line.Article) {
    out.article_system_id = line.Article->SystemId ? *line.Article->SystemId : 0;
    out.article_number = Get(line.Article->ArticleNumber);
  }
  out.quantity = line.NumberOfItemsDecimal;
  out.sellable_quantity = line.SellableNumberOfItems;
  return out;
}

wms::ArticleStock FromSoap(const wsi__PerWarehouseArticleLine& line) {
  wms::ArticleStock out;
  if (line.Article) {
    out.article_system_id = line.Article->SystemId ? *line.Article->SystemId : 0;
    out.article_number = Get(line.Article->ArticleNumber);
  }
  out.quantity = line.NumberOfItems;
  if (line.PerWarehouseStockLines) {
    for (const wsi__PerWarehouseStockLine* w : line.PerWarehouseStockLines->PerWarehouseStockLine) {
      if (w == nullptr)
        continue;
      out.warehouses.push_back(
          {w->WarehouseId, Get(w->WarehouseCode), w->NumberOfItems, w->SellableNumberOfItems});
    }
  }
  return out;
}

wms::InventoryChange FromSoap(const wsi__InventoryChangeLine& line) {
  wms::InventoryChange out;
  if (line.Article) {
    out.article_system_id = line.Article->SystemId ? *line.Article->SystemId : 0;
    out.article_number = Get(line.Article->ArticleNumber);
  }
  out.quantity_change = line.InventoryChangesNumberOfItems;
  if (line.InventoryTransactions) {
    for (const wsi__InventoryTransaction* t : line.InventoryTransactions->InventoryTransaction) {
      if (t == nullptr)
        continue;
      out.transactions.push_back({t->InventoryId, t->InventoryChangesNumberOfItems,
                                  t->InventoryTime, Get(t->WarehouseCode), Get(t->Comment)});
    }
  }
  return out;
}

std::vector<wms::TransporterContract> FromSoap(const wsi__GetTransporterContractsResult& result) {
  std::vector<wms::TransporterContract> out;
  if (!result.TransporterContracts)
    return out;
  for (const wsi__TransporterContract* c : result.TransporterContracts->TransporterContract) {
    if (c == nullptr)
      continue;
    wms::TransporterContract contract{Get(c->TransporterCode), Get(c->TransporterName), {}};
    if (c->TransporterServices) {
      for (const wsi__TransporterService* s : c->TransporterServices->TransporterService) {
        if (s != nullptr) {
          contract.services.push_back(
              {Get(s->TransporterServiceCode), Get(s->TransporterServiceName)});
        }
      }
    }
    if (contract.services.empty() && c->TransporterServiceCode) {
      contract.services.push_back({*c->TransporterServiceCode, ""});
    }
    out.push_back(std::move(contract));
  }
  return out;
}

}  // namespace wmsbridge::ongoing
