-- Batch drafting jobs: one row per job instance, one per task; schedules are job files run on a cron.
CREATE TABLE job (
    id           VARCHAR(40)  PRIMARY KEY,
    name         VARCHAR(300) NOT NULL,
    username     VARCHAR(100) NOT NULL,
    submitted_by VARCHAR(200) NOT NULL,
    content_hash VARCHAR(64)  NOT NULL,
    spec         CLOB         NOT NULL,
    cancelled    BOOLEAN      DEFAULT FALSE NOT NULL,
    created      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX job_name_hash ON job (name, content_hash);
CREATE INDEX job_user ON job (username);

CREATE TABLE job_task (
    job_id      VARCHAR(40)   NOT NULL,
    n           INT           NOT NULL,
    template    VARCHAR(200),
    topic       VARCHAR(2000),
    scope       VARCHAR(2000),
    out_path    VARCHAR(4000) NOT NULL,
    format      VARCHAR(16)   NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    started     TIMESTAMP WITH TIME ZONE,
    finished    TIMESTAMP WITH TIME ZONE,
    duration_ms BIGINT,
    marking     VARCHAR(1000),
    error       VARCHAR(2000),
    PRIMARY KEY (job_id, n),
    FOREIGN KEY (job_id) REFERENCES job (id) ON DELETE CASCADE
);
CREATE INDEX job_task_status ON job_task (status);

CREATE TABLE job_schedule (
    name         VARCHAR(300) NOT NULL,
    username     VARCHAR(100) NOT NULL,
    cron         VARCHAR(200) NOT NULL,
    spec         CLOB         NOT NULL,
    submitted_by VARCHAR(200) NOT NULL,
    next_run     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_run     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (username, name)
);
