-- insert_run: a run starts.
-- Parameters: 1 connection_name, 2 job, 3 mode, 4 started_at, 5 host, 6 pid, 7 parameters
INSERT INTO wms_run (connection_name, job, mode, started_at, status, host, pid, parameters)
VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?)
