-- R32: the payload Ongoing last refused for its data. While the document's payload is the same
-- (and it is in ERROR), it is not sent again until a person asks: each resend would only add a
-- failed call against Ongoing's consecutive-failure limit (reference notes 6b). NULL when the
-- last refusal was our own (no call made) or the document was accepted since.
ALTER TABLE wms_sync_state ADD COLUMN IF NOT EXISTS refused_payload_hash TEXT;
