-- When each scheduled job that must run on one node of all (the retention jobs) is due next, and who ran it last.
-- A node takes a run with a conditional UPDATE of its row: portable, no advisory locks.
CREATE TABLE jobs_lease (
    job_name    VARCHAR(64) PRIMARY KEY,
    next_run_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_run_at TIMESTAMP WITH TIME ZONE,
    last_run_by VARCHAR(128)
);
