-- upsert_watermark: a job completed up to this ERP updated_at. Parameters: 1 connection_name, 2 job, 3 value
INSERT INTO wms_watermark (connection_name, job, value) VALUES (?, ?, ?)
ON CONFLICT (connection_name, job) DO UPDATE SET value = excluded.value
