-- select_schema_versions: the migrations recorded as applied (wmsbridge check and every command
-- that needs the wms_ tables compare them with the migration files; see jobs/erp_readiness.h).
-- Fails when wms_schema_version does not exist: `wmsbridge db migrate` never ran.
-- Columns: version
SELECT version FROM wms_schema_version
