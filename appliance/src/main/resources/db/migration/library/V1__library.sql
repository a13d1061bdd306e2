-- Library uploads: who uploaded which files, and how far their ingest got. Owned by the appliance's library
-- (history table flyway_library_history). Documents themselves live in the ingest tables.

CREATE TABLE library_upload (
    id               VARCHAR(40)   PRIMARY KEY,
    owner            VARCHAR(200)  NOT NULL,
    state            VARCHAR(10)   NOT NULL,
    collection       VARCHAR(200)  NOT NULL,
    declared_marking VARCHAR(1000) NOT NULL,
    staging          VARCHAR(4096) NOT NULL,
    files_total      INT           NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    finished_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX library_upload_state ON library_upload (state);

CREATE TABLE library_upload_file (
    upload_id   VARCHAR(40)   NOT NULL REFERENCES library_upload (id) ON DELETE CASCADE,
    seq         INT           NOT NULL,
    name        VARCHAR(4096) NOT NULL,
    staged_path VARCHAR(4096) NOT NULL,
    outcome     VARCHAR(12),
    reason      VARCHAR(40),
    document_id BIGINT,
    PRIMARY KEY (upload_id, seq)
);
CREATE INDEX library_upload_file_path ON library_upload_file (staged_path);
CREATE INDEX library_upload_file_document ON library_upload_file (document_id);
