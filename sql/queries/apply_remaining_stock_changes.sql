-- apply_remaining_stock_changes: after a completed run, the changes it took up whose pair had
-- nothing to compare (no stock on either side, or the article unknown to Ongoing by now).
-- Parameters: 1 connection_name, 2 run_id
UPDATE wms_stock_change SET applied = 1 WHERE connection_name = ? AND run_id = ? AND applied = 0
