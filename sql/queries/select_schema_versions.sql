-- select_schema_versions: the migrations recorded as applied (wmsbridge check and every command
-- that needs the wms_ tables compare them with the migration files; see jobs/erp_readiness.h).
-- Run only once count_schema_version_table found the table.
-- Columns: version
SELECT version FROM wms_schema_version
