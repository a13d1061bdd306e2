-- Documents, passages, quarantine and ingest jobs. Owned by the ingest module (history table flyway_ingest_history).

CREATE TABLE ingest_job (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    signature        CHAR(64)      NOT NULL,
    state            VARCHAR(10)   NOT NULL,
    collection       VARCHAR(200)  NOT NULL,
    declared_marking VARCHAR(1000),
    roots            CLOB          NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    finished_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ingest_job_state ON ingest_job (state, signature);

CREATE TABLE ingest_job_item (
    job_id    BIGINT        NOT NULL REFERENCES ingest_job (id) ON DELETE CASCADE,
    seq       INT           NOT NULL,
    path      VARCHAR(4096) NOT NULL,
    bytes     BIGINT        NOT NULL,
    state     VARCHAR(10)   NOT NULL,
    outcome   VARCHAR(12),
    reason    VARCHAR(20),
    passages  INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX ingest_job_item_state ON ingest_job_item (job_id, state);

CREATE TABLE ingest_document (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    parent_id      BIGINT REFERENCES ingest_document (id) ON DELETE CASCADE,
    sha256         CHAR(64),
    top_sha256     CHAR(64) UNIQUE,
    source_path    VARCHAR(4096) NOT NULL,
    embedded_path  VARCHAR(4096) NOT NULL,
    collection     VARCHAR(200)  NOT NULL,
    content_type   VARCHAR(200)  NOT NULL,
    title          VARCHAR(1000),
    author         VARCHAR(1000),
    created        VARCHAR(64),
    modified       VARCHAR(64),
    language       VARCHAR(64),
    page_count     INT,
    size_bytes     BIGINT,
    note           VARCHAR(500)  NOT NULL,
    marking        VARCHAR(1000) NOT NULL,
    marking_source VARCHAR(20)   NOT NULL,
    needs_review   BOOLEAN       NOT NULL,
    review_flags   CLOB,
    job_id         BIGINT,
    ingested_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ingest_document_source ON ingest_document (source_path, collection);
CREATE INDEX ingest_document_parent ON ingest_document (parent_id);

CREATE TABLE ingest_passage (
    document_id  BIGINT        NOT NULL REFERENCES ingest_document (id) ON DELETE CASCADE,
    ordinal      INT           NOT NULL,
    text         CLOB          NOT NULL,
    heading_path VARCHAR(4000) NOT NULL,
    page         INT           NOT NULL,
    marking      VARCHAR(1000) NOT NULL,
    PRIMARY KEY (document_id, ordinal)
);

CREATE TABLE ingest_quarantine (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    path          VARCHAR(4096) NOT NULL,
    embedded_path VARCHAR(4096) NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    reason        VARCHAR(20)   NOT NULL,
    detail        VARCHAR(500)  NOT NULL,
    job_id        BIGINT,
    at            TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ingest_quarantine_once UNIQUE (path, embedded_path, sha256)
);

-- Indexing feed: written in the same transaction as the documents, drained to the PassageSink after commit.
CREATE TABLE ingest_outbox (
    seq         BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id BIGINT      NOT NULL,
    op          VARCHAR(10) NOT NULL
);
