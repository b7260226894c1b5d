#!/usr/bin/env python3
"""The mutation check: small breakages of the rules that matter, each of which the suite must
catch. Run through tests/mutants/run.sh (see there and docs/testing.md).

Each mutant replaces one exact snippet of one file (it must occur exactly once: a stale mutant
is an error, so the list stays true as the code moves), rebuilds the targets of its tests, runs
them, and is "killed" when at least one of them fails. New rules add their mutants here.
"""
import argparse
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field

# The test executables (CMake targets) and where they land under the build folder.
EXE = {
    "test_ongoing_client": "tests/ongoing/test_ongoing_client",
    "test_article_job": "tests/jobs/test_article_job",
    "test_customer_order_job": "tests/jobs/test_customer_order_job",
    "test_purchase_internal_order_job": "tests/jobs/test_purchase_internal_order_job",
    "test_readback_job": "tests/jobs/test_readback_job",
    "test_failure_paths": "tests/jobs/test_failure_paths",
    "test_credentials": "tests/jobs/test_credentials",
    "test_order_transform": "tests/stages/test_order_transform",
    "test_stage_common": "tests/common/test_stage_common",
    "test_readback_decisions": "tests/stages/test_readback_decisions",
    "test_ongoing_limits": "tests/jobs/test_ongoing_limits",
    "test_stages": "tests/stages/test_stages",
    "test_wms": "tests/wms/test_wms",
    "test_erp_store": "tests/erp/test_erp_store",
    "test_stock_job": "tests/jobs/test_stock_job",
    "test_config_example": "tests/jobs/test_config_example",
    "test_job_runner": "tests/jobs/test_job_runner",
    "test_cli": "tests/jobs/test_cli",
    "test_jobs_unit": "tests/jobs/test_jobs_unit",
    "test_reload_status": "tests/jobs/test_reload_status",
    "test_pipeline": "tests/pipeline/test_pipeline",
    "test_time_columns": "tests/jobs/test_time_columns",
}
# Programs the end-to-end tests start: rebuilt with every mutant of product code.
PROGRAMS = ["wmsbridge", "wms-sim"]


@dataclass
class Mutant:
    name: str
    rule: str
    path: str
    find: str
    replace: str
    # (target, Boost.Test --run_test filter); the filter runs on SQLite only unless it names a
    # backend or the suite has none.
    tests: list = field(default_factory=list)


M = Mutant
# The end-to-end test of the one text rule on customer orders (issue 11).
CO_TEXTS = "every_text_is_sent_byte_for_byte_or_its_order_refused_naming_the_field/sqlite"
MUTANTS = [
    # --- Read-back: quantities are set to Ongoing's figure, never added (R18, R22) -----------
    M("delivered-quantity-added", "R18: delivered quantities set, never added",
      "sql/queries/update_customer_order_line_delivered.sql",
      "SET delivered_qty = CAST(? AS NUMERIC(12,3))",
      "SET delivered_qty = delivered_qty + CAST(? AS NUMERIC(12,3))",
      [("test_readback_job", "*/sqlite"), ("test_failure_paths", "deliveries/*/sqlite")]),
    M("received-quantity-added", "R22: received quantities set, never added",
      "sql/queries/update_purchase_order_line_received.sql",
      "SET received_qty = CAST(? AS NUMERIC(12,3))",
      "SET received_qty = received_qty + CAST(? AS NUMERIC(12,3))",
      [("test_readback_job", "*/sqlite"), ("test_failure_paths", "receipts/*/sqlite")]),
    # --- Read-back writes exactly what the warehouse did (R19, R22, R26; issue 11) -----------
    M("internal-packages-tracked", "R26: only parcels booked with the carrier are tracked",
      "stages/ongoing/soap_conversions.cpp",
      ": \"\", p->IsTaPalletItem});",
      ": \"\", true});",
      [("test_readback_job",
        "only_parcels_booked_with_the_carrier_reach_shipment_tracking_R26/sqlite")]),
    M("carrier-parcel-filter-off", "R26: only parcels booked with the carrier are tracked",
      "stages/readback/delivery_decision.cpp",
      "    if (p.is_carrier_parcel)",
      "    if (true || p.is_carrier_parcel)",
      [("test_readback_job",
        "only_parcels_booked_with_the_carrier_reach_shipment_tracking_R26/sqlite"),
       ("test_readback_decisions", "*")]),
    M("shipped-time-cut", "R26: a shipped time keeps its meaning whatever form Ongoing writes",
      "stages/readback/delivery_decision.cpp",
      "      decision.shipped_at = stages::ErpTimeText(shipped.instant, rules.erp_time_zone);",
      "      decision.shipped_at = order.shipped_time.substr(0, 10) + ' ' +"
      " order.shipped_time.substr(11, 8);",
      [("test_readback_job",
        "a_shipped_time_is_stored_as_one_erp_time_whatever_form_ongoing_writes_R26/sqlite"),
       ("test_readback_decisions", "*")]),
    M("zoneless-time-read-as-utc", "R26: a time without a zone is the warehouse's local time",
      "stages/common/wms_time.cpp",
      "    return {WmsTimeKind::kTime, wms_zone.FromLocal(parsed)};",
      "    return {WmsTimeKind::kTime, parsed.timestamp()};",
      [("test_readback_job",
        "a_shipped_time_is_stored_as_one_erp_time_whatever_form_ongoing_writes_R26/sqlite")]),
    M("receipt-status-by-all-lines", "R22: a purchase order is received by its stock lines",
      "stages/readback/receipt_decision.cpp",
      "    if (!line->IsStock())",
      "    if (false && !line->IsStock())",
      [("test_readback_job",
        "a_purchase_order_with_a_service_line_is_received_when_its_stock_lines_are_R22/sqlite"),
       ("test_readback_decisions", "*")]),
    M("invoice-before-invoicing-on", "R19: only deliveries applied while invoicing is on",
      "stages/readback/delivery_decision.cpp",
      "      due = std::min(delivered[i] - l.delivered, delivered[i] - invoiced);",
      "      due = delivered[i] - invoiced;",
      [("test_readback_job", "turning_invoicing_on_invoices_only_deliveries_applied_after_it_R19"
        "/sqlite"),
       ("test_readback_decisions", "*")]),
    # --- No write call when nothing changed (R7, R12) -----------------------------------------
    M("article-resent-when-unchanged", "R7: no write call for an unchanged article",
      "stages/articles/article_transform.cpp",
      "if (row.last_payload_hash && *row.last_payload_hash == work.payload_hash &&",
      "if (false && row.last_payload_hash && *row.last_payload_hash == work.payload_hash &&",
      [("test_article_job", "*/sqlite")]),
    M("order-resent-when-unchanged", "R12: no write call for an unchanged order",
      "stages/documents/document_decision.cpp",
      "  if (SameAsAccepted(row, work) && !row.manual)",
      "  if (false && SameAsAccepted(row, work) && !row.manual)",
      [("test_order_transform", "*"), ("test_customer_order_job", "*/sqlite")]),
    # --- Nothing is missed by an incremental run (issue 11 point 14) ----------------------------
    M("open-orders-not-compared", "R12: open orders are compared every run (lines lack updated_at)",
      "sql/queries/extract_customer_orders.sql",
      "       OR (s.status = 'SENT' AND s.handling_started_at IS NULL)\n",
      "",
      [("test_customer_order_job",
        "a_line_edited_without_touching_its_order_is_sent_by_an_incremental_run_R12/sqlite")]),
    M("open-in-orders-not-compared", "R20: open in-orders are compared every run",
      "sql/queries/extract_purchase_orders.sql",
      "       OR (s.status = 'SENT' AND s.handling_started_at IS NULL)\n",
      "",
      [("test_purchase_internal_order_job", "purchase_orders/*/sqlite")]),
    M("handled-orders-compared-every-run",
      "R15: a change Ongoing refused because picking started is not sent on every run",
      "sql/queries/extract_customer_orders.sql",
      "(s.status = 'SENT' AND s.handling_started_at IS NULL)",
      "s.status = 'SENT'",
      [("test_customer_order_job",
        "an_update_ongoing_refuses_because_picking_started_keeps_the_status_R15/sqlite")]),
    M("handling-started-not-recorded",
      "R15, R21: a change Ongoing refused because handling started is not sent on every run",
      "stages/documents/document_sink.cpp",
      "        record.RefusedOnceHandled(no, work.erp_id, reason, *work.held_status, "
      "RefusedRequest(work));",
      "        record.Refused(no, work.erp_id, reason, *work.held_status);",
      [("test_customer_order_job",
        "an_update_ongoing_refuses_because_picking_started_keeps_the_status_R15/sqlite"),
       ("test_purchase_internal_order_job",
        "purchase_orders/an_update_ongoing_refuses_once_receiving_started_keeps_the_status_R21"
        "/sqlite")]),
    M("article-full-comparison-never-due", "R7: a due full comparison catches late-stamped edits",
      "jobs/article_job.cpp",
      "  if (hours <= 0)\n    return false;",
      "  if (hours >= 0)\n    return false;",
      [("test_article_job", "an_article_stamped_behind_the_watermark_*/sqlite")]),
    # --- Record only after the WMS accepted (R29, R31) ----------------------------------------
    M("article-recorded-before-success", "R31: an article is recorded SENT only once accepted",
      "stages/articles/article_sink.cpp",
      "record.Failed(work.article_no, erp_id, reason);",
      "record.Accepted(work.article_no, erp_id, 0, work.payload_hash, erp::DocStatus::kSent,"
      " std::nullopt);",
      [("test_article_job", "*/sqlite"), ("test_failure_paths", "*/*/sqlite")]),
] + [
    # The document sink is shared: each kind's own tests must catch it on their own.
    M(f"{kind}-recorded-before-success",
      f"R31: a {kind.replace('-', ' ')[:-1]} is recorded SENT only once accepted",
      "stages/documents/document_sink.cpp",
      "record.Failed(no, work.erp_id, reason);",
      "record.Accepted(no, work.erp_id, 0, work.payload_hash, erp::DocStatus::kSent,"
      " work.note);",
      [("test_failure_paths", f"{suite}/*/sqlite")])
    for kind, suite in [("customer-orders", "customer_orders"),
                        ("purchase-orders", "purchase_orders"),
                        ("internal-orders", "internal_orders")]
] + [
    M("readback-failed-read-completes", "R31: a read-back whose read failed is not completed",
      "jobs/job_environment.h",
      "    pipeline::RunStatus status = pipeline::RunStatus::kAborted;",
      "    pipeline::RunStatus status = pipeline::RunStatus::kCompleted;",
      [("test_failure_paths", "deliveries/*/sqlite:receipts/*/sqlite")]),
    M("watermark-moved-before-completion",
      "R31: the watermark moves only after a completed run",
      "jobs/job_environment.cpp",
      "  if (completed && !options_.only_doc_no && !options_.reload_from && !max_updated_at.empty()) {",
      # `completed || true`, not dropping it: an unused variable fails a -Werror (dev) build.
      "  if ((completed || true) && !options_.only_doc_no && !options_.reload_from &&\n"
      "      !max_updated_at.empty()) {",
      [("test_failure_paths", "deliveries/*/sqlite:receipts/*/sqlite"),
       ("test_article_job", "*/sqlite")]),
    # --- Secrets (R1) ----------------------------------------------------------------------------
    M("password-unmasked", "R1: the password never appears in dumps, logs or errors",
      "stages/ongoing/soap_wms_client.cpp",
      "    std::string clean = pipeline::Redact(text, {&endpoint_.password, &options_.proxy_password});",
      "    std::string clean = text;",
      [("test_ongoing_client", "*"), ("test_credentials", "*/sqlite")]),
    # --- R17, R21, R23: a reused number is refused before sending --------------------------------
    M("reused-number-guard-off", "R17: a reused order number is refused before sending",
      "stages/customer_orders/order_transform.cpp",
      "  if (o.sync.number_retired_by_other && !o.manual)",
      "  if (false && o.sync.number_retired_by_other && !o.manual)",
      [("test_order_transform", "*"), ("test_customer_order_job", "*/sqlite")]),
    M("reused-purchase-number-guard-off", "R21: a reused purchase-order number is refused",
      "stages/purchase_orders/purchase_order_transform.cpp",
      "  if (po.sync.number_retired_by_other && !po.manual) {",
      "  if (false && po.sync.number_retired_by_other && !po.manual) {",
      [("test_purchase_internal_order_job", "*/*/sqlite")]),
    M("reused-state-not-read", "R17: Ongoing's refusal of a reused number is explained",
      "stages/documents/document_kind.cpp",
      "  if (state && state->status == wms::kCancelledStatus && action == DocumentAction::kSend)",
      "  if (false)",
      [("test_customer_order_job", "*/sqlite"),
       ("test_purchase_internal_order_job", "*/*/sqlite")]),
    # --- R10, R11: service and text lines are never sent for picking ---------------------------
    M("service-lines-picked", "R11: service articles are not sent as pick lines",
      "stages/customer_orders/order_transform.cpp",
      '    if (l.article_type == "SERVICE") {',
      '    if (l.article_type == "SERVICE-NEVER") {',
      [("test_order_transform", "*"), ("test_customer_order_job", "*/sqlite"),
       ("test_readback_job", "*/sqlite")]),
    # --- Retries: never a logon or a refusal (R1, R30) ----------------------------------------
    M("logon-retried", "R1: a refused logon is never retried",
      "stages/wms/wms_error.h",
      "    case WmsErrorKind::kLogon:\n    case WmsErrorKind::kRejected:\n      return false;",
      "    case WmsErrorKind::kLogon:\n      return true;\n    case WmsErrorKind::kRejected:\n"
      "      return false;",
      [("test_credentials", "*/sqlite")]),
    M("refusal-retried", "R30: a document Ongoing refused is not sent again in the run",
      "stages/wms/wms_error.h",
      "    case WmsErrorKind::kLogon:\n    case WmsErrorKind::kRejected:\n      return false;",
      "    case WmsErrorKind::kRejected:\n      return true;\n    case WmsErrorKind::kLogon:\n"
      "      return false;",
      [("test_failure_paths", "*/*/sqlite")]),
    M("logon-by-words", "R1: a logon is told by the answer's error type, not its words",
      "stages/ongoing/soap_wms_client.cpp",
      "(e && e->ErrorType == wsi__GetInventoryPerWarehouseErrorTypes__LogonError);",
      "(e && e->Message && e->Message->find(\"Logon\") != std::string::npos);",
      [("test_ongoing_client", "*"), ("test_credentials", "*/sqlite")]),
    # --- One retry policy for every WMS call, reads included (R31, issue 10) ------------------
    M("order-reads-not-retried", "R31: a passing fault on reading orders costs a retry, not the run",
      "stages/wms/retrying_wms_client.cpp",
      "  return Call(\"GetOrdersByQuery\", [&] { return inner_.GetOrders(query); });",
      "  return inner_.GetOrders(query);",
      [("test_failure_paths", "passing_read_faults/*/sqlite")]),
    M("transporter-reads-not-retried",
      "R31: a passing fault on reading transporters costs a retry, not the run",
      "stages/wms/retrying_wms_client.cpp",
      "  return Call(\"GetTransporterContracts\", [&] { return inner_.GetTransporterContracts(); });",
      "  return inner_.GetTransporterContracts();",
      [("test_failure_paths", "passing_read_faults/*/sqlite")]),
    # --- R3: orders name their warehouse, by Ongoing's code ------------------------------------
    M("order-warehouse-not-sent", "R3: an order names the warehouse that picks it",
      "stages/ongoing/soap_conversions.cpp",
      "  if (!order.warehouse_code.empty()) {\n    info->OutboundWarehouse =",
      "  if (false) {\n    info->OutboundWarehouse =",
      [("test_customer_order_job", "orders_are_picked_from_the_stock_of_their_own_warehouse_R3/sqlite"),
       ("test_ongoing_client", "*")]),
    M("warehouse-mapping-ignored", "R3: an ERP warehouse goes to Ongoing under its mapped code",
      "stages/documents/warehouse_codes.h",
      "    return it == erp_to_wms_.end() ? erp_code : it->second;",
      "    return it == erp_to_wms_.end() ? erp_code : erp_code;",
      [("test_order_transform", "*"), ("test_customer_order_job", "*/sqlite")]),
    M("warehouse-not-in-payload-hash", "R3, R12: an order moved to another warehouse is sent again",
      "stages/wms/payload_hash.cpp",
      "&o.consignee.mobile_phone, &o.warehouse_code}) {",
      "&o.consignee.mobile_phone}) {",
      [("test_order_transform", "*"), ("test_customer_order_job", "*/sqlite")]),
    M("missing-erp-warehouse-accepted",
      "R3: a connected warehouse the ERP lacks is a configuration error",
      "jobs/order_document_job.cpp",
      "  if (missing.empty())\n    return;",
      "  if (true)\n    return;",
      [("test_customer_order_job", "*/sqlite"),
       ("test_purchase_internal_order_job", "*/*/sqlite")]),
    # --- Phones: TelePhone always, SMS only to a mobile number and only when switched on --------
    M("landline-taken-for-mobile", "phones: a landline is no mobile number and gets no SMS",
      "stages/customer_orders/phone_number.cpp",
      "  return n.size() == 9 && n[0] == '7' && std::string_view(\"02369\").find(n[1]) != n.npos;",
      "  return n.size() == 9;",
      [("test_order_transform", "*"), ("test_customer_order_job", "*/sqlite")]),
    M("sms-switch-ignored", "phones: SMS only where the connection turns it on",
      "stages/customer_orders/order_transform.cpp",
      "    c.notify_by_sms = state_.sms_notification;",
      "    c.notify_by_sms = true;",
      [("test_order_transform", "*"), ("test_customer_order_job", "*/sqlite")]),
    M("phone-sent-as-mobile", "phones: the ERP's phone is the telephone, not always the mobile",
      "stages/ongoing/soap_conversions.cpp",
      "    customer->MobilePhone = Str(ctx, c.mobile_phone);",
      "    customer->MobilePhone = Str(ctx, c.phone);",
      [("test_ongoing_client", "*"), ("test_customer_order_job", "*/sqlite")]),
    # --- R32: within Ongoing's limits -------------------------------------------------------------
    M("refused-document-resent", "R32: a document Ongoing refused is not sent again unchanged",
      "stages/documents/document_decision.cpp",
      "  if (RefusedAsItIs(row, work)) {",
      "  if (false && RefusedAsItIs(row, work)) {",
      [("test_ongoing_limits", "refused_documents/*/sqlite"),
       ("test_failure_paths", "*/ongoings_refusal*/sqlite")]),
    M("refused-payload-not-kept", "R32: the payload Ongoing refused is kept with the refusal",
      "stages/documents/document_sink.cpp",
      "    record.RefusedByWms(no, work.erp_id, reason, request);",
      "    record.RefusedByWms(no, work.erp_id, reason, \"\");",
      [("test_ongoing_limits", "refused_documents/*/sqlite")]),
    M("refused-held-after-change", "R32: a refused document is sent again once it changes",
      "stages/documents/document_decision.cpp",
      "!request.empty() && row.sync.refused_payload_hash == request;",
      "!request.empty() && row.sync.refused_payload_hash.has_value();",
      [("test_ongoing_limits", "refused_documents/*/sqlite")]),
    M("refused-held-despite-request", "R32: a refused document is sent when a person asks",
      "stages/documents/document_decision.cpp",
      "  return !row.manual && !request.empty() &&",
      "  return !request.empty() &&",
      [("test_ongoing_limits", "refused_documents/*/sqlite"),
       ("test_failure_paths", "*/ongoings_refusal*/sqlite")]),
    M("refused-cancel-retried", "R32: a cancel Ongoing refused is not tried again unasked",
      "stages/documents/document_decision.cpp",
      "    if (work.action == DocumentAction::kCancel && RefusedAsItIs(row, work)) {",
      "    if (false && RefusedAsItIs(row, work)) {",
      [("test_ongoing_limits", "refused_documents/a_change_or_cancel*/sqlite")]),
    M("deleted-cancel-retried", "R32: a deleted order's cancel Ongoing refused waits for a person",
      "stages/documents/document_decision.cpp",
      "    if (handled == Handled::kNot && work.action == DocumentAction::kRetire &&",
      "    if (false && work.action == DocumentAction::kRetire &&",
      [("test_ongoing_limits", "refused_documents/a_refused_cancel_of_a_deleted*/sqlite")]),
    M("readback-rewrites-unchanged", "issue 15: a re-read delivery the ERP holds writes nothing",
      "stages/readback/delivery_decision.cpp",
      "  if (!decision.changed && AlreadyHeld(erp, picked, decision))",
      "  if (false && AlreadyHeld(erp, picked, decision))",
      [("test_readback_job", "a_re_read_of_an_applied_delivery*/sqlite")]),
    M("logon-unchecked-when-switched-off", "issue 14: a wrong password is never exit 0",
      "jobs/wmsbridge_app.cpp",
      "              return VerifyLogonOnly(c, options, log);",
      "              return int{EXIT_OK};",
      [("test_cli", "a_wrong_password_with_nothing_to_send*/sqlite")]),
    M("no-bar-on-terminal", "issue 14: a terminal gets a progress bar",
      "pipeline/progress.cpp",
      "  if (!settings.force_plain && isatty(STDERR_FILENO) == 1)",
      "  if (false && isatty(STDERR_FILENO) == 1)",
      [("test_cli", "a_terminal_gets_a_progress_bar*/sqlite")]),
    M("handled-refusal-not-kept",
      "R32: a change or cancel refused once handling started is not tried again unasked",
      "stages/documents/document_sink.cpp",
      "*work.held_status, RefusedRequest(work));",
      "*work.held_status, \"\");",
      [("test_ongoing_limits", "refused_documents/a_change_or_cancel*/sqlite")]),
    M("article-refused-resent", "R32: an article Ongoing refused is not sent again unchanged",
      "stages/articles/article_transform.cpp",
      "  } else if (!resend_refused_ && row.refused_payload_hash == work.payload_hash) {",
      "  } else if (false && row.refused_payload_hash == work.payload_hash) {",
      [("test_ongoing_limits", "refused_documents/an_article*/sqlite")]),
    M("article-refused-payload-not-kept", "R32: the article payload Ongoing refused is kept",
      "stages/articles/article_sink.cpp",
      "    record.RefusedByWms(work.article_no, erp_id, reason, work.payload_hash);",
      "    record.RefusedByWms(work.article_no, erp_id, reason, \"\");",
      [("test_stages", "*"), ("test_ongoing_limits", "refused_documents/an_article*/sqlite")]),
    M("article-held-despite-full", "R32: run articles --full sends a held article (a person asks)",
      "jobs/article_job.cpp",
      "  articles::ArticleTransform transform(options.full, reload);",
      "  articles::ArticleTransform transform(false, reload);",
      [("test_ongoing_limits", "refused_documents/an_article*/sqlite")]),
    M("rate-limit-retried-at-once", "R32: a rate-limited call is never retried at once",
      "stages/wms/retrying_wms_client.cpp",
      "  return wms_error != nullptr && wms_error->retryable();",
      "  return wms_error != nullptr &&\n"
      "         (wms_error->retryable() || wms_error->kind() == WmsErrorKind::kRateLimited);",
      [("test_wms", "rate_limits_R32"), ("test_ongoing_limits", "rate_limits/*/sqlite")]),
    M("rate-limit-taken-for-http-error", "R32: HTTP 429 is a rate limit, whatever its words",
      "stages/ongoing/soap_wms_client.cpp",
      "    if (error == kHttpTooManyRequests) {",
      "    if (false) {",
      [("test_ongoing_client", "rate_limits_R32"), ("test_ongoing_limits", "rate_limits/*/sqlite")]),
    M("rate-limit-words-ignored", "R32: a refusal that names the rate limit is no refusal",
      "stages/ongoing/soap_wms_client.cpp",
      "    return NamesRateLimit(message) ? wms::WmsErrorKind::kRateLimited : wms::WmsErrorKind::kRejected;",
      "    return NamesRateLimit(message.substr(0, 0)) ? wms::WmsErrorKind::kRateLimited\n"
      "                                                : wms::WmsErrorKind::kRejected;",
      [("test_ongoing_client", "rate_limits_R32")]),
    M("retry-after-ignored", "R32: the wait a rate-limited answer asks for is waited out",
      "stages/wms/retrying_wms_client.cpp",
      "  const std::chrono::seconds wait = std::max(*limited.retry_after(), std::chrono::seconds(1));",
      "  const std::chrono::seconds wait = std::chrono::seconds(0);",
      [("test_wms", "rate_limits_R32"),
       ("test_ongoing_limits", "rate_limits/a_short_wait*/sqlite")]),
    M("stopped-method-called-again", "R32: a run that met a rate limit calls that method no more",
      "stages/wms/retrying_wms_client.cpp",
      "  if (const auto found = stopped_.find(operation); found != stopped_.end())",
      "  if (const auto found = stopped_.find(operation); false && found != stopped_.end())",
      [("test_wms", "rate_limits_R32")]),
    M("rate-limit-run-goes-on", "R32: a run that meets a rate limit ends with exit 69",
      "stages/common/wms_call.h",
      "    if (e.kind() == wms::WmsErrorKind::kRejected) {",
      "    if (e.kind() == wms::WmsErrorKind::kRejected || e.kind() == wms::WmsErrorKind::kRateLimited) {",
      [("test_ongoing_limits", "rate_limits/*/sqlite")]),
    M("rate-limit-wait-setting-ignored", "R32: rate_limit_max_wait_s bounds a run's wait",
      "jobs/job_environment.cpp",
      "  client_.emplace(soap_client_, *context_, connection.rate_limit_max_wait);",
      "  client_.emplace(soap_client_, *context_);",
      [("test_ongoing_limits", "rate_limits/*/sqlite")]),
    M("look-up-rate-limit-swallowed", "R32: a rate-limited look-up after a refusal ends the run",
      "stages/documents/document_sink.cpp",
      "    if (e.kind() == wms::WmsErrorKind::kRateLimited)\n      rate_limited = e;",
      "    if (e.kind() == wms::WmsErrorKind::kRateLimited && false)\n      rate_limited = e;",
      [("test_ongoing_limits", "rate_limits/a_rate_limited_look_up*/sqlite")]),
    M("read-page-is-batch-size", "R32: reads ask Ongoing for pages of wms_page_size",
      "stages/readback/wms_page_source.h",
      "      page_ = read_(last_id_, page_size_);",
      "      page_ = read_(last_id_, static_cast<int>(max_rows));",
      [("test_ongoing_limits", "paging/*/sqlite")]),
    # --- One number per live document (issue 11, point 3) --------------------------------------
    M("same-number-guard-off", "two live documents under one number are both refused",
      "stages/documents/document_decision.cpp",
      "  if (row.same_number_ids.size() > 1)",
      "  if (false && row.same_number_ids.size() > 1)",
      [("test_order_transform", "*"),
       ("test_customer_order_job",
        "two_live_orders_under_one_number_are_both_refused_until_the_erp_is_corrected/sqlite")]),
    M("same-numbers-not-read", "two live documents under one number are both refused",
      "stages/documents/document_source.h",
      "        d.same_number_ids = twins->second;",
      "        d.same_number_ids.clear();",
      [("test_customer_order_job",
        "two_live_orders_under_one_number_are_both_refused_until_the_erp_is_corrected/sqlite"),
       ("test_purchase_internal_order_job",
        "purchase_orders/two_live_purchase_orders_under_one_number_are_both_refused_naming_both_ids"
        "/sqlite")]),
    M("held-number-overwritten", "a document Ongoing holds is not overwritten by another ERP id",
      "stages/documents/document_decision.cpp",
      "  if (row.sync.last_wms_id && row.sync.last_status.value_or(\"\") != \"CANCELLED\" &&\n"
      "      row.sync.last_erp_id",
      "  if (false && row.sync.last_wms_id && row.sync.last_status.value_or(\"\") != \"CANCELLED\""
      " &&\n      row.sync.last_erp_id",
      [("test_order_transform", "*")]),
    M("cancelled-twin-cancels-holder", "R16: only the document Ongoing holds is cancelled there",
      "stages/documents/document_decision.cpp",
      "    if (!sent)\n      return Refuse(std::move(work), DocumentAction::kUnchanged, \"\");",
      "    if (false)\n      return Refuse(std::move(work), DocumentAction::kUnchanged, \"\");",
      [("test_order_transform", "*")]),
    # --- What the ERP already did or cannot send is not sent (issue 11, point 8) ---------------
    M("delivered-in-erp-sent-for-picking", "a never-sent order delivered in the ERP is not sent",
      "stages/documents/document_decision.cpp",
      "  if (!sent && in_erp == Handled::kFully) {",
      "  if (false && !sent && in_erp == Handled::kFully) {",
      [("test_order_transform", "*"),
       ("test_customer_order_job",
        "a_never_sent_order_already_delivered_in_the_erp_is_not_sent_for_picking/sqlite")]),
    M("inactive-article-sent", "a line of an inactive article is refused locally",
      "stages/customer_orders/order_transform.cpp",
      "    if (!l.article_active && work.send_refusal.empty()) {",
      "    if (false && !l.article_active && work.send_refusal.empty()) {",
      [("test_order_transform", "*"),
       ("test_customer_order_job",
        "a_line_of_an_article_inactive_in_the_erp_is_refused_locally_with_that_reason/sqlite")]),
    M("inactive-flag-not-read", "a line of an inactive article is refused locally",
      "sql/queries/extract_purchase_order_lines.sql",
      "       CAST(CASE WHEN a.is_active = TRUE THEN 1 ELSE 0 END AS VARCHAR(1))",
      "       CAST(1 AS VARCHAR(1))",
      [("test_purchase_internal_order_job",
        "purchase_orders/a_purchase_order_line_of_an_inactive_article_is_refused_locally/sqlite")]),
    # --- Delivered stays delivered (R15, R21, R23; issue 11, point 11) --------------------------
    M("handled-order-updated", "R15: no update is attempted once the warehouse handled it",
      "stages/documents/document_decision.cpp",
      "  if (sent && (reported != Handled::kNot || in_erp != Handled::kNot)) {",
      "  if (false && sent && (reported != Handled::kNot || in_erp != Handled::kNot)) {",
      [("test_order_transform", "*"),
       ("test_customer_order_job",
        "no_update_is_attempted_once_the_read_back_reports_a_delivery_R15/sqlite")]),
    M("handled-order-turned-error", "R15: a delivered order keeps its status, never ERROR",
      "stages/documents/document_decision.cpp",
      "    return Refuse(std::move(work), DocumentAction::kNotSent, std::move(reason), status);",
      "    return Refuse(std::move(work), DocumentAction::kReject, std::move(reason),\n"
      "                  status.has_value() ? std::nullopt : std::nullopt);",
      [("test_order_transform", "*"),
       ("test_customer_order_job",
        "a_delivered_order_stays_delivered_after_a_renamed_article_or_a_change_R15/sqlite")]),
    M("picking-refusal-turns-error", "R15: a refusal because picking started keeps the status",
      "stages/documents/document_sink.cpp",
      "      if (work.held_status) {",
      "      if (false && work.held_status) {",
      [("test_customer_order_job",
        "an_update_ongoing_refuses_because_picking_started_keeps_the_status_R15/sqlite")]),
    M("handled-deletion-cancelled", "R15, R16: an order deleted after delivery is not cancelled",
      "stages/documents/document_decision.cpp",
      "    if (handled == Handled::kNot)\n      return work;",
      "    if (handled == Handled::kNot || true)\n      return work;",
      [("test_order_transform", "*"),
       ("test_customer_order_job",
        "an_order_deleted_after_delivery_is_retired_without_a_cancel_call_R15_R16/sqlite")]),
    M("article-name-in-order-hash", "R9, R12: a renamed article is no change of an order",
      "stages/wms/payload_hash.cpp",
      "    if (names == Names::kIn)\n      field(l.article_name);\n    field(l.quantity);\n"
      "    field(l.currency_code",
      "    if (names == Names::kIn || true)\n      field(l.article_name);\n    field(l.quantity);\n"
      "    field(l.currency_code",
      [("test_order_transform", "*"),
       ("test_customer_order_job", "a_renamed_article_sends_no_open_order_again_R9_R12/sqlite")]),
    M("line-text-by-article-name-hashed", "R9, R12: a renamed article is no change of an order",
      "stages/customer_orders/order_transform.cpp",
      "  work.payload_hash = PayloadHash(OwnData(d, o.lines));",
      "  work.payload_hash = PayloadHash(OwnData(d, {}));",
      [("test_order_transform", "*")]),
    M("legacy-hash-ignored", "R12: an upgrade resends nothing Ongoing accepted before",
      "stages/documents/document_decision.cpp",
      "(!work.legacy_payload_hash.empty() && accepted == work.legacy_payload_hash)",
      "false",
      [("test_order_transform", "*")]),
    # --- ERP values read whole and exactly: texts, dates, numbers (R30; issue 11) -------------
    M("text-pieces-kept-with-terminators", "texts are read whole: Poco's piece terminators go",
      "stages/erp/text_value.cpp",
      "  pieces.erase(std::remove(pieces.begin(), pieces.end(), '\\0'), pieces.end());\n",
      "",
      [("test_erp_store", "*/sqlite"), ("test_article_job", "*long_name*/sqlite")]),
    M("value-size-left-at-pocos-default", "texts are read whole, not cut or failed at 1 KiB",
      "stages/erp/erp_database.cpp",
      "  session_.setProperty(\"maxFieldSize\", Poco::Any(kMaxValueBytes));\n",
      "",
      [("test_erp_store", "*/sqlite"), ("test_customer_order_job", "*long_line_text*/sqlite")]),
    M("date-calendar-unchecked", "R30: a date the calendar lacks (2026-02-30) is no date",
      "stages/common/erp_date.cpp",
      "if (*year < 1 || !date.ok())",
      "if (*year < 1 || (!date.ok() && *day <= 28))",
      [("test_stage_common", "erp_date"), ("test_order_transform", "*"),
       ("test_customer_order_job", "*no_date*/sqlite")]),
    M("bad-delivery-dates-left-to-sql", "R30: NULL and unreadable dates reach the transform",
      "sql/queries/extract_customer_orders.sql",
      "OR o.delivery_date IS NULL OR date(o.delivery_date) IS NULL",
      "OR 1 = 0",
      [("test_customer_order_job", "*no_date*/sqlite")]),
    M("start-date-ignored-for-dates-sql-lets-through", "R4: a real date before the start is not sent",
      "stages/customer_orders/order_transform.cpp",
      "!delivery.date.empty() && delivery.date < state_.start_date",
      "false",
      [("test_order_transform", "*"), ("test_customer_order_job", "*no_date*/sqlite")]),
    M("out-of-scope-document-decided", "R4: a date before the start date leaves the document alone",
      "stages/documents/document_decision.cpp",
      "  if (work.action == DocumentAction::kUnchanged)\n    return work;\n  const std::string name",
      "  const std::string name",
      [("test_order_transform", "*")]),
    M("number-exponent-applied-backwards", "numbers as the drivers print them, exactly",
      "stages/common/erp_number.cpp",
      "static_cast<long>(whole.size()) + *exponent",
      "static_cast<long>(whole.size()) - *exponent",
      [("test_stage_common", "erp_number"), ("test_article_job", "*exponent*/sqlite")]),
    M("article-measures-read-strictly", "an article's volume as the SQLite driver prints it",
      "stages/articles/article_transform.cpp",
      "auto canonical = stages::ReadErpNumber(*value);",
      "auto canonical = stages::CanonicalDecimal(*value);",
      [("test_article_job", "*exponent*/sqlite")]),
    # --- TLS (R1) --------------------------------------------------------------------------------
    M("tls-verification-off", "R1: https verifies the server's certificate and name",
      "stages/ongoing/soap_wms_client.cpp",
      "options_.verify_certificates ? SOAP_SSL_DEFAULT : SOAP_SSL_NO_AUTHENTICATION;",
      "SOAP_SSL_NO_AUTHENTICATION;",
      [("test_ongoing_client", "*")]),
    # --- One text rule for every document sent (issue 11 point 4) -------------------------------
    M("text-walk-skips-country-code", "issue 11: every text field is checked (one left out of the walk)",
      "stages/common/document_texts.cpp",
      '  Visit(visit, "country code", "Customer/CountryCode", K::kCountryCode, c.country_code);\n',
      "",
      [("test_order_transform", "one_text_rule_issue_11/*"),
       ("test_customer_order_job", CO_TEXTS),
       ("test_ongoing_client", "texts_on_the_wire_issue_11/*")]),
    M("text-walk-skips-text-lines", "issue 11: text and service lines are checked like the rest",
      "stages/common/document_texts.cpp",
      '    Visit(visit, Line(code, "text"), "CustomerOrderTextLine/OrderLineComment", K::kText, t.text);\n',
      "",
      [("test_order_transform", "one_text_rule_issue_11/*"),
       ("test_customer_order_job", CO_TEXTS)]),
    M("purchase-order-texts-unchecked", "issue 11: every transform applies the one text rule",
      "stages/purchase_orders/purchase_order_transform.cpp",
      "  if (auto r = stages::CheckTexts(label, d); !r.empty())\n    return reject(r);\n",
      "",
      [("test_order_transform", "one_text_rule_issue_11/*"),
       ("test_purchase_internal_order_job", "texts_issue_11/*/sqlite")]),
    M("internal-order-texts-unchecked", "issue 11: every transform applies the one text rule",
      "stages/internal_orders/internal_order_transform.cpp",
      "  if (auto r = stages::CheckTexts(label, d); !r.empty())\n    return reject(r);\n",
      "",
      [("test_order_transform", "one_text_rule_issue_11/*"),
       ("test_purchase_internal_order_job", "texts_issue_11/*/sqlite")]),
    M("xml-control-characters-sent", "issue 11: characters XML 1.0 cannot carry are refused",
      "stages/common/field_checks.cpp",
      "  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||",
      "  return (c >= 0 && c <= 0xD7FF) ||",
      [("test_stage_common", "one_text_rule/*"),
       ("test_customer_order_job", CO_TEXTS)]),
    M("latin1-taken-for-utf8", "issue 11: bytes that are not UTF-8 are refused, never re-encoded",
      "stages/common/field_checks.cpp",
      "  } else {\n    return {-1, 1};\n  }",
      "  } else {\n    return {lead, 1};\n  }",
      [("test_stage_common", "one_text_rule/*"),
       ("test_customer_order_job", CO_TEXTS)]),
    M("country-list-ignored", "issue 11: a country code is ISO 3166-1 alpha-2, from ICU's list",
      "stages/common/field_checks.cpp",
      " && countries.count(code) > 0;",
      " && !countries.empty();",
      [("test_stage_common", "one_text_rule/*")]),
    M("nul-columns-ignored", "issue 11: a NUL the SQLite driver would cut at refuses the document",
      "stages/common/document_texts.cpp",
      "  if (columns.empty())\n    return {};",
      "  if (true)\n    return {};",
      [("test_customer_order_job", CO_TEXTS), ("test_article_job", "every_article_text*/sqlite")]),
    M("nul-column-not-read", "issue 11: the extract queries name the columns holding a NUL",
      "sql/queries/extract_customer_orders.sql",
      "THEN ' delivery_name' ELSE '' END",
      "THEN '' ELSE '' END",
      [("test_customer_order_job", CO_TEXTS)]),
    M("simulator-takes-invalid-xml", "the simulator reads requests with XML 1.0's rules, as .NET",
      "tests/wms_sim/sim_strict_xml.cpp",
      "    if (const auto problem = r.Problem()) {",
      "    if (const auto problem = r.Problem(); problem && false) {",
      [("test_ongoing_client", "texts_on_the_wire_issue_11/*")]),
    M("simulator-decodes-any-reference", "the simulator refuses references to characters XML cannot carry",
      "tests/wms_sim/sim_xml_rules.cpp",
      '        } else if (starts(pos, "&#")) {',
      '        } else if (starts(pos, "&#!")) {',
      [("test_ongoing_client", "texts_on_the_wire_issue_11/*")]),
] + [
    # --- The stock job (issue 12, R25) ---------------------------------------------------------
    M("stock-quantity-added", "R25: stock_balance set to Ongoing's figure, never added to",
      "sql/queries/update_stock_balance.sql",
      "SET quantity = CAST(? AS NUMERIC(12,3))",
      "SET quantity = quantity + CAST(? AS NUMERIC(12,3))",
      [("test_stock_job",
        "differences_are_set_to_ongoings_figure_journaled_and_not_again_R25/sqlite")]),
    M("stock-report-only-ignored", "R25: a report-only run changes nothing",
      "stages/stock/stock_decision.cpp",
      "  if (settings.report_only) {",
      "  if (false) {",
      [("test_stock_job", "a_report_only_run_changes_nothing_R25/sqlite")]),
    M("stock-threshold-ignored", "R25: a difference above the threshold is flagged",
      "stages/stock/stock_decision.cpp",
      "  if (settings.threshold_units && Abs(difference) > *settings.threshold_units) {",
      "  if (settings.threshold_units && Abs(difference) < *settings.threshold_units) {",
      [("test_stock_job", "decide_stock_flags_at_the_threshold_edges_R25"),
       ("test_stock_job", "a_difference_above_the_threshold_is_flagged_not_adjusted_R25/sqlite")]),
    M("stock-only-in-erp-zeroed", "R25: an article Ongoing does not know is left for a person",
      "stages/stock/stock_decision.cpp",
      "  if (!row.wms_present) {",
      "  if (false) {",
      [("test_stock_job",
        "articles_on_one_side_only_are_reported_and_service_left_out_R25/sqlite")]),
    M("stock-service-compared", "R25: SERVICE articles are never stock-kept, never compared",
      "sql/queries/compare_stock_page.sql",
      "      WHERE sb.warehouse_id = CAST(? AS INTEGER) AND sb.article_no > ?\n"
      "        AND NOT EXISTS (SELECT 1 FROM article x\n"
      "                        WHERE x.article_no = sb.article_no AND x.article_type = 'SERVICE')\n",
      "      WHERE sb.warehouse_id = CAST(? AS INTEGER) AND sb.article_no > ?\n",
      [("test_stock_job",
        "articles_on_one_side_only_are_reported_and_service_left_out_R25/sqlite")]),
    M("stock-report-smallest-first", "R25: the report lists the largest differences first",
      "sql/queries/select_stock_report_lines.sql",
      "ORDER BY abs_difference DESC",
      "ORDER BY abs_difference ASC",
      [("test_stock_job",
        "the_csv_and_html_reports_read_back_and_render_again_identically_R25/sqlite")]),
    M("stock-feed-applied-apart", "R25: a change is marked applied with its pair's adjustment",
      "stages/stock/stock_sink.cpp",
      "  if (feed_)\n"
      "    store_.ApplyChanges(work.place.erp.warehouse_id, d.row.article_no);\n",
      "",
      [("test_stock_job",
        "lines_that_change_nothing_commit_together_and_a_lost_batch_is_compared_again_R25/sqlite")]),
    M("stock-feed-not-skipped-by-id", "R25: a change already applied is skipped by id",
      "stages/stock/stock_source.cpp",
      "        if (store_.ChangeApplied(change.article_system_id, t.inventory_id))\n"
      "          continue;\n",
      "",
      [("test_stock_job",
        "the_change_feed_is_applied_once_across_a_run_killed_before_acknowledging_R25/sqlite")]),
    M("stock-intra-day-full", "R25: runs between full comparisons apply only the change feed",
      "jobs/stock_job.cpp",
      "  if (full || c.stock_full_comparison_hours <= 0)\n",
      "  if (true)\n",
      [("test_stock_job",
        "an_intra_day_run_applies_only_what_the_change_feed_names_R25/sqlite")]),
    M("stock-report-keyset-overlap", "R25: the report pages every line once, in order",
      "sql/queries/select_stock_report_lines_after.sql",
      "  AND (abs_difference < CAST(? AS NUMERIC)",
      "  AND (abs_difference <= CAST(? AS NUMERIC)",
      [("test_stock_job", "a_large_report_pages_every_line_once_in_order_R25/sqlite")]),
    M("stock-quiet-lines-autocommitted",
      "R25: lines that change nothing commit together with their feed changes' applied marks",
      "stages/stock/stock_sink.cpp",
      "  erp::ErpTransaction transaction(db_.session());\n"
      "  for (const StockWork* work : quiet)\n"
      "    StoreLine(*work);\n"
      "  transaction.Commit();\n",
      "  for (const StockWork* work : quiet)\n"
      "    StoreLine(*work);\n",
      [("test_stock_job",
        "lines_that_change_nothing_commit_together_and_a_lost_batch_is_compared_again_R25/sqlite")]),
    M("stock-csv-unquoted", "R25: the CSV quotes as RFC 4180 says",
      "stages/stock/csv.cpp",
      "  const bool quote = text.find_first_of(",
      "  const bool quote = false && text.find_first_of(",
      [("test_stock_job", "csv_fields_are_quoted_as_rfc_4180_says_and_parse_back")]),
] + [
    # --- Configuration that means what it says (issue 14) --------------------------------------
    M("config-inline-comment-kept", "issue 14: a comment after a value is never part of it",
      "jobs/connection_config.cpp",
      "    if (raw[i] == ';' && (i == 0 ||",
      "    if (raw[i] == '\\x01' && (i == 0 ||",
      [("test_config_example", "the_documented_example_configuration_loads_with_every_value_exact"),
       ("test_jobs_unit", "connection_config/a_comment_after_a_value_is_never_part_of_the_value")]),
    M("config-unknown-key-ignored", "issue 14: an unknown key is a configuration error",
      "jobs/config_keys.cpp",
      "      if (!Known(key, ConnectionKeys()))\n",
      "      if (false)\n",
      [("test_jobs_unit",
        "connection_config/an_unknown_key_or_section_is_refused_naming_it_and_the_near_miss"),
       ("test_article_job", "bad_configuration_stops_before_any_work_naming_the_key_and_file")]),
    M("config-near-miss-not-suggested", "issue 14: a near miss names the key that was meant",
      "jobs/config_keys.cpp",
      "  std::size_t best_distance = 3;",
      "  std::size_t best_distance = 1;",
      [("test_jobs_unit",
        "connection_config/an_unknown_key_or_section_is_refused_naming_it_and_the_near_miss")]),
    M("config-plain-http-to-remote-allowed", "issue 14: plain http only to this machine",
      "jobs/connection_config.cpp",
      '  if (url.rfind("http://", 0) == 0 && !c.allow_insecure_http',
      '  if (url.rfind("http://", 0) == 1 && !c.allow_insecure_http',
      [("test_jobs_unit", "connection_config/"
        "plain_http_to_another_machine_is_refused_unless_the_connection_allows_it"),
       ("test_article_job", "bad_configuration_stops_before_any_work_naming_the_key_and_file")]),
    M("config-any-v4-is-loopback", "issue 14: only 127.0.0.0/8 is IPv4 loopback",
      "jobs/service_url.cpp",
      "    return (ntohl(v4.s_addr) >> 24) == 127;",
      "    return true;",
      [("test_jobs_unit", "connection_config/"
        "plain_http_to_another_machine_is_refused_unless_the_connection_allows_it")]),
    M("sql-dir-always-the-source-tree", "issue 14: an installed program uses the installed SQL",
      "jobs/sql_location.cpp",
      "  if (build_end == build.end())",
      "  if (true)",
      [("test_jobs_unit", "sql_location/an_installed_program_finds_the_sql_files_next_to_itself")]),
    # --- The job runner (issue 13) ----------------------------------------------------------
    M("one-connection-down-stops-all", "issue 13.4: a connection whose WMS is down does not stop the next",
      "jobs/exit_codes.cpp",
      "  return code == kExitStopped;",
      "  return code == kExitStopped || code == App::EXIT_UNAVAILABLE;",
      [("test_job_runner",
        "a_connection_whose_wms_is_down_does_not_stop_the_next_and_the_code_is_worst/sqlite")]),
    M("connection-exception-escapes", "issue 13.4: an ERP error of one connection does not stop the next",
      "jobs/connection_run.cpp",
      "  } catch (const std::exception& e) {\n    const CommandFailure failure = FailureOf(e);",
      "  } catch (const wms::WmsError& e) {\n    const CommandFailure failure = FailureOf(e);",
      [("test_job_runner",
        "an_erp_that_fails_does_not_stop_the_next_connection_and_74_outranks_69/sqlite")]),
    M("exit-code-last-not-worst", "issue 13.4: the command's code is the worst of its connections",
      "jobs/exit_codes.cpp",
      "  return ExitCodeSeverity(b) > ExitCodeSeverity(a) ? b : a;",
      "  return b != 0 ? b : a;",
      [("test_jobs_unit", "exit_codes/*")]),
    M("expired-lease-never-taken-over", "R27: an expired lease is taken over from any host",
      "stages/erp/job_lock.cpp",
      "    const bool expired = old.expires_at < pipeline::UtcNowText();",
      "    const bool expired = old.expires_at < \"2000\";",
      [("test_job_runner",
        "an_expired_lease_is_taken_over_and_the_dead_runs_closed_with_their_counts_R27/sqlite")]),
    M("dead-runs-left-running", "R27: the lease's new holder closes the job's dead runs",
      "stages/erp/run_store.cpp",
      "  if (running == 0)\n    return 0;",
      "  if (running >= 0)\n    return 0;",
      [("test_job_runner",
        "an_expired_lease_is_taken_over_and_the_dead_runs_closed_with_their_counts_R27/sqlite")]),
    M("dead-run-counts-not-recomputed", "R27: a dead run is closed with the counts of its records",
      "sql/queries/close_dead_runs.sql",
      "    AND r.outcome NOT IN ('unchanged', 'rejected', 'failed', 'skipped')),",
      "    AND 1 = 0),",
      [("test_job_runner",
        "an_expired_lease_is_taken_over_and_the_dead_runs_closed_with_their_counts_R27/sqlite")]),
    M("lease-not-renewed", "R27: a run renews its lease while it lives",
      "stages/erp/lease_renewer.cpp",
      "      lost = !RenewLease(*db, holder_, timing_.duration);",
      "      lost = !RenewLease(*db, holder_, std::chrono::seconds(0));",
      [("test_job_runner",
        "a_lease_is_renewed_while_held_and_lost_once_another_runner_took_it_R27/sqlite")]),
    M("missed-slots-each-run", "issue 13.1: a missed window after downtime runs once, not once per slot",
      "jobs/schedule.cpp",
      "  const auto latest = LatestSlot(schedule, zone, now);",
      "  const auto latest = last_due && NextSlot(schedule, zone, *last_due) <= now\n"
      "                          ? NextSlot(schedule, zone, *last_due)\n"
      "                          : LatestSlot(schedule, zone, now);",
      [("test_jobs_unit", "schedule/*"),
       ("test_job_runner", "run_due_runs_each_slot_once_and_a_missed_window_once/sqlite")]),
    M("slot-run-again", "issue 13.1: a slot already run is not due again",
      "jobs/schedule.cpp",
      "  if (!latest || (last_due && *latest <= *last_due))",
      "  if (!latest || (last_due && *latest < *last_due))",
      [("test_jobs_unit", "schedule/*"),
       ("test_job_runner", "run_due_runs_each_slot_once_and_a_missed_window_once/sqlite")]),
    M("schedule-weekdays-ignored", "issue 13.1: a job has no slot on a weekday outside its schedule",
      "jobs/schedule.cpp",
      "  if (!s.enabled || !s.weekdays[static_cast<std::size_t>((day.dayOfWeek() + 6) % 7)])",
      "  if (!s.enabled)",
      [("test_jobs_unit", "schedule/*")]),
    # --- Migrations: every file applied once, whatever order branches were merged in ----------
    M("migrate-only-above-highest", "a migration numbered below the highest applied one is applied",
      "stages/erp/migrator.cpp",
      "    if (std::find(recorded.begin(), recorded.end(), version) != recorded.end())\n",
      "    if (version <= result.version)\n",
      [("test_erp_store", "a_migration_numbered_below_the_highest_applied_one_is_still_applied/sqlite")]),
    # --- Daemon and connections in parallel (issue 13, points 2 and 4) ----------------------
    M("connections-one-after-another", "issue 13.4: connections run in parallel up to the limit",
      "jobs/parallel_connections.cpp",
      "  if (threads <= 1) {",
      "  if (threads >= 1) {",
      [("test_job_runner",
        "connections_run_in_parallel_and_a_wms_down_does_not_stop_the_other/sqlite")]),
    M("parallel-code-not-worst", "issue 13.4: the exit code of parallel connections is the worst",
      "jobs/parallel_connections.cpp",
      "    worst = WorseExitCode(worst, code);",
      "    worst = code;",
      [("test_job_runner",
        "connections_run_in_parallel_and_a_wms_down_does_not_stop_the_other/sqlite")]),
    M("daemon-looks-once", "issue 13.2: the daemon looks for due jobs every daemon_poll_s",
      "jobs/daemon.cpp",
      "  while (!StopRequested(options)) {",
      "  if (!StopRequested(options)) {",
      [("test_job_runner",
        "daemon_runs_what_is_due_every_poll_and_stops_cleanly_on_sigterm/sqlite")]),
    M("daemon-ignores-sigterm", "issue 13.2: SIGTERM ends the daemon cleanly",
      "jobs/daemon.cpp",
      "  while (!StopRequested(options)) {",
      "  while (true) {",
      [("test_job_runner",
        "daemon_runs_what_is_due_every_poll_and_stops_cleanly_on_sigterm/sqlite")]),
    M("slot-kept-when-lease-held", "issue 13.2: a slot that could not run for a held lease runs at the next look",
      "jobs/run_due.cpp",
      "      store.Release(c->name, s.key, due_text, claimant, last_due);",
      "      (void)last_due;",
      [("test_job_runner",
        "a_slot_whose_lease_is_held_elsewhere_runs_at_the_next_look_R27/sqlite")]),
    # --- Reloads (R28) and status (R29), issue 13 points 5 and 6 ------------------------------
    M("reload-keeps-order-hashes", "R28: a reload resends the orders from its date whatever their hash",
      "jobs/order_document_job.cpp",
      "    settings_.reload_from = options.reload_from;\n",
      "",
      [("test_reload_status",
        "a_reload_from_a_date_resends_exactly_the_documents_from_it_duplicating_none_R28/sqlite")]),
    M("reload-ignores-its-date", "R28: a reload resends only the documents from its date",
      "stages/articles/article_transform.cpp",
      "  if (resend_from_ && row.updated_at >= *resend_from_)",
      "  if (resend_from_)",
      [("test_reload_status",
        "a_reload_of_articles_sends_even_a_held_refusal_from_its_date_on_R28_R32/sqlite")]),
    M("reload-moves-watermark", "R28: a reload never moves the job's watermark",
      "jobs/job_environment.cpp",
      "!options_.only_doc_no && !options_.reload_from && !max_updated_at.empty()",
      "!options_.only_doc_no && !max_updated_at.empty()",
      [("test_reload_status", "a_reload_leaves_the_watermark_where_it_was_R28/sqlite")]),
    M("reload-date-not-checked", "R28: --from must be a date of the calendar",
      "jobs/reload_command.cpp",
      "  if (year < 1900 || !Poco::DateTime::isValid(year, month, day, hour, minute, second))",
      "  if (year < 1900)",
      [("test_reload_status", "reload_dates_are_read_strictly_R28")]),
    M("stale-ignores-last-success", "R29: a job that completed since its slot is not stale",
      "jobs/job_status.cpp",
      "  return !last_success || *last_success < *slot;",
      "  return true;",
      [("test_reload_status", "a_job_is_stale_only_when_a_slot_an_hour_old_has_no_completed_run_R29"),
       ("test_reload_status", "a_stale_job_makes_status_exit_79_and_a_fresh_one_0_R29/sqlite")]),
    M("stale-counts-aborted-runs", "R29: only a completed run makes a job fresh",
      "sql/queries/select_job_last_success.sql",
      "  AND status IN ('COMPLETED', 'COMPLETED_WITH_REJECTS')",
      "  AND status IS NOT NULL",
      [("test_reload_status", "a_stale_job_makes_status_exit_79_and_a_fresh_one_0_R29/sqlite")]),
    M("stale-exit-code-lost", "R29: a stale job makes status exit 79",
      "jobs/job_status.cpp",
      "    if (row.state == JobState::kStale)\n      return kExitStale;",
      "    if (row.state == JobState::kStale)\n      return 0;",
      [("test_reload_status", "a_stale_job_makes_status_exit_79_and_a_fresh_one_0_R29/sqlite")]),
    M("csv-quotes-not-doubled", "R29: status --format csv quotes as RFC 4180",
      "jobs/status_table.cpp",
      "    if (c == '\"')\n      quoted += '\"';\n",
      "",
      [("test_reload_status", "csv_quotes_as_rfc_4180_and_json_writes_numbers_and_nulls_R29")]),
    # --- An honest command line, check, logs and traces (issue 14, points 3-5) ---------------
    M("cli-usage-after-config", "issue 14: a usage error is 64 before the configuration is read",
      "jobs/wmsbridge_app.cpp",
      "  if (const auto problem = UsageProblem(args)) {",
      "  if (const auto problem = std::optional<std::string>{}) {",
      [("test_cli", "every_usage_error_exits_64_before_the_configuration_is_read_R29")]),
    M("cli-send-unknown-is-0", "issue 14: send of a document nobody may send is 65",
      "jobs/wmsbridge_app.cpp",
      "      if (command == \"send\" && !found_anywhere && exit_code == EXIT_OK) {",
      "      if (false) {",
      [("test_cli", "send_of_an_unknown_document_exits_65_with_the_reason_R14/sqlite")]),
    M("cli-sqlite-file-created", "issue 14: a missing SQLite database is never created",
      "jobs/erp_readiness.cpp",
      "  if (!std::filesystem::is_regular_file(path)) {",
      "  if (false) {",
      [("test_cli", "a_missing_input_file_exits_66_and_no_database_is_created_R29")]),
    M("cli-schema-not-checked", "issue 14: a missing wms_ schema says run db migrate",
      "jobs/job_environment.cpp",
      "  RequireCurrentSchema(db_);",
      "",
      [("test_cli", "a_missing_wms_schema_says_run_db_migrate_in_one_line_R29/sqlite")]),
    M("cli-missing-input-is-78", "issue 14: a missing input file is 66",
      "jobs/exit_codes.cpp",
      "    return {App::EXIT_NOINPUT, error.what()};",
      "    return {App::EXIT_CONFIG, error.what()};",
      [("test_cli", "a_missing_input_file_exits_66_and_no_database_is_created_R29")]),
    M("check-logon-refusal-unavailable", "issue 14: check tells a refused logon (77)",
      "jobs/check_command.cpp",
      "      check.Fail(App::EXIT_NOPERM,",
      "      check.Fail(App::EXIT_UNAVAILABLE,",
      [("test_cli", "check_reports_each_check_in_a_line_and_exits_with_the_worst_code_R29/sqlite")]),
    M("check-transporters-unchecked", "issue 14: check names a transporter service Ongoing lacks",
      "jobs/check_command.cpp",
      "    if (offered.count(service) == 0)",
      "    if (false)",
      [("test_cli", "check_reports_each_check_in_a_line_and_exits_with_the_worst_code_R29/sqlite")]),
    M("log-time-without-zone", "issue 14: every log line's time says its zone",
      "jobs/log_setup.cpp",
      '"%Y-%m-%d %H:%M:%S%z %p %s: %t"',
      '"%Y-%m-%d %H:%M:%S %p %s: %t"',
      [("test_cli", "the_log_file_has_each_line_with_its_zone_and_run_id_R29/sqlite")]),
    M("soap-trace-not-written", "issue 14: --trace-soap writes each request and answer",
      "jobs/job_environment.cpp",
      "  if (!job_options.trace_soap_dir.empty()) {",
      "  if (false) {",
      [("test_cli", "the_soap_trace_has_each_call_in_a_file_without_secrets_R29/sqlite")]),
    # --- Issue 14: dry-run names what it would do, progress knows its total, DBA views ---------
    M("dry-run-names-nothing", "issue 14.7: a dry run names every document with its call",
      "stages/documents/document_sink.cpp",
      "  if (settings_.dry_run)\n    Tell(work);\n",
      "",
      [("test_customer_order_job", "a_dry_run_names_each_order_with_its_call_skip_or_refusal/sqlite")]),
    M("dry-run-cancel-named-as-send", "issue 14.7: a dry run names a cancel as Remove",
      "stages/documents/dry_run_line.cpp",
      "  std::string line = kind.call + \" \" + operation + \" \" + no;",
      "  std::string line = kind.call + \" CreateOrUpdate \" + no;",
      [("test_customer_order_job", "a_dry_run_names_each_order_with_its_call_skip_or_refusal/sqlite")]),
    M("show-xml-secret-unmasked", "issue 14.7: --show-xml never shows the password",
      "stages/ongoing/soap_wms_client.cpp",
      "    return Clean(out.str());",
      "    return out.str();",
      [("test_article_job", "a_dry_run_with_show_xml_prints_each_request_without_the_password/sqlite")]),
    M("progress-total-dropped", "issue 14.6: the progress shows the total the source counted",
      "pipeline/runner.cpp",
      "    meter->SetTotal(total);",
      "    meter->SetTotal(std::nullopt);",
      [("test_article_job", "progress_lines_off_a_terminal_carry_the_count_and_the_total/sqlite")]),
    M("progress-eta-from-total", "issue 14.6: the ETA is what remains at the rate so far",
      "pipeline/progress_line.cpp",
      "ETA \" + Seconds(static_cast<double>(*f.total - f.done) / rate)",
      "ETA \" + Seconds(static_cast<double>(*f.total) / rate)",
      [("test_pipeline", "progress/*")]),
    M("dba-view-every-run", "issue 14.8: wms_v_last_run_problems shows the last run's problems only",
      "sql/sqlite/migrations/013_dba_views.sql",
      "  AND r.run_id = (SELECT MAX(l.run_id) FROM wms_run l",
      "  AND r.run_id IN (SELECT l.run_id FROM wms_run l",
      [("test_article_job", "the_dba_views_show_the_last_runs_problems_and_the_runs_per_day/sqlite")]),
    # --- Issue 14: wms_ times as timestamps on PostgreSQL (014), progress of timer runs --------
    M("pg-times-as-timestamptz", "issue 14.8: the wms_ times are timestamp (UTC), not timestamptz",
      "sql/postgresql/migrations/014_timestamp_columns.sql",
      "  ALTER COLUMN started_at TYPE timestamp USING CAST(started_at AS timestamp),",
      "  ALTER COLUMN started_at TYPE timestamptz USING CAST(started_at AS timestamptz),",
      [("test_time_columns", "the_wms_times_are_timestamps_on_postgresql_after_db_migrate/postgresql")]),
    M("pg-upgrade-moves-the-lease", "issue 14.8: the upgrade to 014 keeps every time the same instant",
      "sql/postgresql/migrations/014_timestamp_columns.sql",
      "  ALTER COLUMN expires_at TYPE timestamp USING CAST(expires_at AS timestamp);",
      "  ALTER COLUMN expires_at TYPE timestamp USING CAST(locked_at AS timestamp);",
      [("test_time_columns", "an_upgrade_to_014_keeps_every_time_and_the_jobs_run_on_it/postgresql")]),
    M("timer-runs-without-progress", "issue 14.6: run-due and daemon log progress lines",
      "jobs/wmsbridge_app.cpp",
      "      options.progress = !config().hasProperty(\"wmsbridge.no_progress\");\n"
      "      options.progress_interval = app.progress_interval;\n"
      "      options.progress_lines_only = true;\n",
      "      options.progress = false;\n",
      [("test_job_runner", "a_run_due_run_logs_its_progress_lines_unless_no_progress_R29/sqlite")]),
    M("report-back-mark-before-commit", "issue 16.1: a line is marked only once the ERP holds it",
      "stages/readback/delivery_sink.cpp",
      "  transaction.Commit();\n  MarkReported(d, context);",
      "  MarkReported(d, context);\n  transaction.Commit();",
      [("test_readback_job", "an_order_is_marked_only_once_the_erp_has_committed_it_R18_R31/sqlite")]),
    M("report-back-marks-ordered-quantity", "issue 16.1: each line is marked with what the ERP holds",
      "stages/readback/delivery_decision.cpp",
      "    held.push_back({p.line_id, p.reported_quantity, delivered[index]});",
      "    held.push_back({p.line_id, p.reported_quantity, erp.lines[index].quantity});",
      [("test_readback_job", "report_back_marks_each_line_with_what_the_erp_took_and_reads_only_what_is_left_R18/sqlite")]),
    M("report-back-reads-by-time", "issue 16.1: report-back reads only documents left to report",
      "jobs/readback_jobs.cpp",
      "  return ReportBack(connection) && !options.full && !options.reload_from;",
      "  return false;",
      [("test_readback_job", "report_back_marks_each_line_with_what_the_erp_took_and_reads_only_what_is_left_R18/sqlite")]),
    M("report-back-held-delivery-unmarked", "issue 16.1: a failed mark is made by the next run",
      "stages/readback/delivery_sink.cpp",
      "      MarkReported(d, context);  // held already",
      "      // held already",
      [("test_readback_job",
        "a_failed_mark_is_made_by_the_next_run_and_nothing_is_applied_twice_R18_R19_R26/sqlite")]),
    M("report-back-held-receipt-unmarked", "issue 16.1: a failed mark of a receipt is made next run",
      "stages/readback/receipt_sink.cpp",
      "      MarkReported(d, context);  // held already",
      "      // held already",
      [("test_readback_job",
        "report_back_marks_received_lines_and_reads_only_in_orders_left_to_report_R22/sqlite")]),
    # --- Group commit, still record-after-success (issue 15 point 1) ---------------------------
    M("group-not-committed-at-batch-end", "issue 15.1: a group is committed when the run ends",
      "stages/articles/article_sink.cpp",
      "  // The next page is read after this: it finds every outcome of this one recorded.\n"
      "  group_.Commit();",
      "",
      [("test_article_job", "a_group_commit_records_every_outcome_when_the_run_ends_R29_R31/sqlite")]),
    M("order-group-not-committed-at-batch-end", "issue 15.1: a group is committed when the run ends",
      "stages/documents/document_sink.cpp",
      "  // The next page is read after this: it finds every outcome of this one recorded.\n"
      "  group_.Commit();",
      "",
      [("test_customer_order_job",
        "new_orders_are_sent_unchanged_ones_make_no_call_changed_ones_one_R12/sqlite")]),
    M("group-recorded-before-acceptance", "issue 15.1: a group holds only what Ongoing answered",
      "stages/articles/article_sink.cpp",
      "  group_.CommitIfDue();  // no record waits on the wire past the group's time bound",
      "  record.Accepted(work.article_no, erp_id, 0, work.payload_hash, erp::DocStatus::kSent,"
      " std::nullopt);",
      [("test_article_job", "a_group_commit_records_every_outcome_when_the_run_ends_R29_R31/sqlite")]),
    M("group-dropped-on-stop", "issue 15.1: a stop commits the group (the record in flight too)",
      "stages/articles/article_sink.cpp",
      "      if (context.StopRequested())\n        break;",
      "      if (context.StopRequested())\n        return;",
      [("test_article_job",
        "a_stopped_run_commits_its_group_with_every_article_ongoing_got_R31/sqlite")]),
    M("group-size-ignored", "issue 15.1: a crash loses at most one group (commit_group_size)",
      "stages/erp/record_group.cpp",
      "  if (writes_.size() >= limits_.max_records)",
      "  if (writes_.size() >= 1000000)",
      [("test_article_job",
        "a_killed_run_is_completed_by_the_next_with_nothing_lost_or_doubled_R31/sqlite")]),
    M("group-commit-failure-swallowed", "issue 15.1: a group the ERP did not commit aborts the run",
      "stages/erp/record_group.cpp",
      "  } catch (const Poco::Exception& e) {",
      "  } catch (const Poco::Exception& e) {\n    return;",
      [("test_article_job",
        "a_group_the_erp_does_not_commit_aborts_the_run_and_is_sent_again_R31/sqlite")]),
    # --- Prepared statements reused (issue 15 point 3) ----------------------------------------
    M("reused-statement-keeps-value", "issue 15.3: a reused statement carries nothing of the last row",
      "stages/erp/sync_state_store.cpp",
      "  q.warning.clear();\n",
      "",
      [("test_erp_store",
        "a_reused_statement_carries_no_value_of_the_previous_document_issue_15/sqlite")]),
]


def sh(cmd, cwd, timeout=None, env=None):
    # errors="replace": a failing test may print the bytes it was given (not UTF-8 on purpose).
    return subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, errors="replace", timeout=timeout, env=env)


def build(build_dir, targets):
    return sh(["cmake", "--build", build_dir, "-j2", "--target", *targets], cwd=build_dir)


def run_tests(build_dir, mutant, log):
    """True when at least one test run fails (the mutant is killed)."""
    killed = False
    for target, pattern in mutant.tests:
        exe = os.path.join(build_dir, EXE[target])
        try:
            r = sh([exe, f"--run_test={pattern}", "--log_level=error", "--report_level=short"],
                   cwd=build_dir, timeout=900)
            log.write(f"--- {target} {pattern}: exit {r.returncode}\n{r.stdout[-4000:]}\n")
            if "no test cases matching filter" in r.stdout:
                raise SystemExit(f"mutant {mutant.name}: filter {pattern} of {target} matches "
                                 "no test: fix the list")
            killed = killed or r.returncode != 0
        except subprocess.TimeoutExpired:
            log.write(f"--- {target} {pattern}: timed out (counts as killed)\n")
            killed = True
        if killed:
            break  # one failing suite is enough
    return killed


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--root", required=True)
    p.add_argument("--build", required=True)
    p.add_argument("--only", nargs="*", default=[])
    p.add_argument("--list", action="store_true")
    p.add_argument("--budget-s", type=float, default=0.0,
                   help="stop starting mutants after this many seconds (0: run all); the order "
                        "rotates by day, so successive CI runs cover every mutant")
    args = p.parse_args()
    chosen = [m for m in MUTANTS if not args.only or m.name in args.only]
    if args.budget_s > 0 and chosen:
        # Stale snippets are checked for every mutant (cheap); only running them is budgeted.
        day = int(time.time() // 86400)
        start = (day * 37) % len(chosen)
        chosen = chosen[start:] + chosen[:start]
    if args.list:
        for m in MUTANTS:
            print(f"{m.name:40} {m.rule}")
        return 0
    if args.only and len(chosen) != len(args.only):
        print("unknown mutant in --only; see --list", file=sys.stderr)
        return 64
    log_path = os.path.join(args.build, "mutants.log")
    originals = {}

    def restore(*_):
        for path, text in originals.items():
            with open(path, "w") as f:
                f.write(text)
        originals.clear()

    signal.signal(signal.SIGINT, lambda *a: (restore(), sys.exit(130)))
    signal.signal(signal.SIGTERM, lambda *a: (restore(), sys.exit(143)))
    results = []
    started = time.time()
    with open(log_path, "w") as log:
        # The suites' own targets first, unmutated: a broken build is not a killed mutant.
        targets = sorted({t for m in chosen for t, _ in m.tests}) + PROGRAMS
        r = build(args.build, targets)
        if r.returncode != 0:
            print(r.stdout[-3000:])
            print("mutants: the unmutated build fails", file=sys.stderr)
            return 1
        not_run = []
        for m in chosen:
            path = os.path.join(args.root, m.path)
            with open(path) as f:
                text = f.read()
            if text.count(m.find) != 1:
                results.append((m, "STALE", 0.0))
                log.write(f"=== {m.name}: snippet found {text.count(m.find)} times in {m.path}\n")
                continue
            if args.budget_s > 0 and time.time() - started > args.budget_s:
                not_run.append(m)
                continue
            t0 = time.time()
            originals[path] = text
            try:
                with open(path, "w") as f:
                    f.write(text.replace(m.find, m.replace))
                log.write(f"=== {m.name} ({m.path})\n")
                b = build(args.build, sorted({t for t, _ in m.tests}) + PROGRAMS)
                if b.returncode != 0:
                    log.write(b.stdout[-4000:])
                    verdict = "DOES-NOT-BUILD"
                else:
                    verdict = "killed" if run_tests(args.build, m, log) else "SURVIVED"
            finally:
                restore()
            results.append((m, verdict, time.time() - t0))
            print(f"{verdict:15} {m.name:40} {time.time() - t0:6.0f} s", flush=True)
        b = build(args.build, targets)  # the tree is clean again: so is the build
        if b.returncode != 0:
            print("mutants: the rebuild after the last mutant failed", file=sys.stderr)
            return 1
    bad = [m for m, v, _ in results if v != "killed"]
    print(f"\n{len(results) - len(bad)} of {len(results)} mutants killed in "
          f"{time.time() - started:.0f} s (details: {log_path})")
    for m, v, _ in results:
        if v != "killed":
            print(f"  {v}: {m.name} — {m.rule}")
    if not_run:
        print(f"  {len(not_run)} mutants not run within the {args.budget_s:.0f} s budget "
              f"(their snippets are current; the order rotates daily; "
              f"`bash tests/mutants/run.sh` runs all)")
    print(f"mutants: {len(results) - len(bad)} killed, {len(bad)} not killed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
