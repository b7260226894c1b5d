-- count_running_runs: runs of a job still RUNNING. Parameters: 1 connection_name, 2 job.
SELECT COUNT(*) FROM wms_run WHERE connection_name = ? AND job = ? AND status = 'RUNNING'
