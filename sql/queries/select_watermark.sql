-- select_watermark: the ERP updated_at up to which a job completed. Parameters: 1 connection_name, 2 job
SELECT value FROM wms_watermark WHERE connection_name = ? AND job = ?
