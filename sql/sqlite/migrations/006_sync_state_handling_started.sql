-- When Ongoing first refused a change of a document because the warehouse had started on it
-- (picking, receiving: status 300 or more). Open (SENT) documents are compared on every run
-- (extract_customer_orders.sql, extract_purchase_orders.sql); one Ongoing no longer takes
-- changes of is left out of that, so that a refused change is not sent again on every run
-- (issue 11, points 11 and 14). NULL: Ongoing still takes its changes, as far as we know.
ALTER TABLE wms_sync_state ADD COLUMN handling_started_at TEXT;
