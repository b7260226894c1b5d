-- count_schema_version_table: 1 when wms_schema_version exists in the session's schema, else 0
-- (jobs/erp_readiness.h: a database without it never had `wmsbridge db migrate`; any failure
-- here is the database's). No parameters. Columns: the count.
SELECT COUNT(*) FROM information_schema.tables
WHERE table_schema = current_schema() AND table_name = 'wms_schema_version'
