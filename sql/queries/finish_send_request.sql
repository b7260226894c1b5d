-- finish_send_request: record what happened to a send request.
-- Parameters: 1 processed_at, 2 outcome, 3 message, 4 request_id
UPDATE wms_send_request SET processed_at = ?, outcome = ?, message = ? WHERE request_id = CAST(? AS INTEGER)
