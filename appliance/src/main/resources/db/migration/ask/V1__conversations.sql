-- Conversations of the Ask page and the API (package io.sextant.appliance.ask). One row per turn keeps the question
-- and the guarded answer exactly as it was delivered (JSON of the marked paragraphs and citations) with its banner
-- marking, so a later view can re-check the answer against the user's clearance at that time.
CREATE TABLE ask_conversation (
    id       VARCHAR(64)  PRIMARY KEY,
    username VARCHAR      NOT NULL,
    title    VARCHAR      NOT NULL,
    created  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ask_conversation_by_user ON ask_conversation (username, updated);

CREATE TABLE ask_turn (
    answer_id       VARCHAR(64)  PRIMARY KEY,
    conversation_id VARCHAR(64)  NOT NULL REFERENCES ask_conversation (id) ON DELETE CASCADE,
    ordinal         INT          NOT NULL,
    question        CLOB         NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    marking         VARCHAR      NOT NULL,
    answer_text     CLOB         NOT NULL,
    answer_json     CLOB         NOT NULL,
    created         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    UNIQUE (conversation_id, ordinal)
);

CREATE TABLE ask_feedback (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    answer_id  VARCHAR(64)  NOT NULL REFERENCES ask_turn (answer_id) ON DELETE CASCADE,
    username   VARCHAR      NOT NULL,
    rating     VARCHAR(8)   NOT NULL,
    correction CLOB         NOT NULL,
    created    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
