-- Run parameters (issue 13, points 5 and 6): what a run was asked to do, beside its mode, as
-- `wmsbridge status` shows them ("connection=demo; from=2026-11-01 00:00:00" for a reload from
-- a date, "connection=demo; document=O-7" for a manual send). NULL for runs made before it.
ALTER TABLE wms_run ADD COLUMN parameters TEXT;
