-- count_schema_version_table: 1 when wms_schema_version exists, else 0 (jobs/erp_readiness.h:
-- a database without it never had `wmsbridge db migrate`; any failure here is the database's).
-- No parameters. Columns: the count.
SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'wms_schema_version'
