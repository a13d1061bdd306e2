-- Drafts of finished products (package io.sextant.appliance.draft). Markings are stored in their canonical banner
-- form and parsed back on load; list values (collections, a paragraph's source ids) one per line. Free text has no
-- declared length (H2's VARCHAR maximum) so that a long title or banner is never a database error.
CREATE TABLE draft (
    id                VARCHAR(64)  PRIMARY KEY,
    template_id       VARCHAR(64)  NOT NULL,
    topic             VARCHAR      NOT NULL,
    scope_collections VARCHAR      NOT NULL,
    scope_from        DATE,
    scope_to          DATE,
    username          VARCHAR      NOT NULL,
    created           TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX draft_by_user ON draft (username, created);

CREATE TABLE draft_section (
    draft_id VARCHAR(64)  NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
    ordinal  INT          NOT NULL,
    heading  VARCHAR(200) NOT NULL,
    state    VARCHAR(16)  NOT NULL,
    PRIMARY KEY (draft_id, ordinal)
);

CREATE TABLE draft_paragraph (
    draft_id        VARCHAR(64)   NOT NULL,
    section_ordinal INT           NOT NULL,
    ordinal         INT           NOT NULL,
    marking         VARCHAR       NOT NULL,
    body            CLOB          NOT NULL,
    source_ids      CLOB          NOT NULL,
    PRIMARY KEY (draft_id, section_ordinal, ordinal),
    FOREIGN KEY (draft_id, section_ordinal) REFERENCES draft_section (draft_id, ordinal) ON DELETE CASCADE
);

CREATE TABLE draft_citation (
    draft_id        VARCHAR(64)   NOT NULL,
    section_ordinal INT           NOT NULL,
    number          INT           NOT NULL,
    passage_id      VARCHAR       NOT NULL,
    document_id     VARCHAR       NOT NULL,
    document_title  VARCHAR       NOT NULL,
    location        VARCHAR       NOT NULL,
    marking         VARCHAR       NOT NULL,
    PRIMARY KEY (draft_id, section_ordinal, number),
    FOREIGN KEY (draft_id, section_ordinal) REFERENCES draft_section (draft_id, ordinal) ON DELETE CASCADE
);
