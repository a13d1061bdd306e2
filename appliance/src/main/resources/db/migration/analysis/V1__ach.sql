-- Analysis of competing hypotheses: one matrix per row, owned by one analyst. The body holds the hypotheses, the
-- cited passage ids and the cell ratings (never passage text: that is re-read as the analyst on every view).
CREATE TABLE ach_matrix (
    id       VARCHAR(40)  PRIMARY KEY,
    username VARCHAR(100) NOT NULL,
    created  TIMESTAMP WITH TIME ZONE NOT NULL,
    body     CLOB         NOT NULL
);
CREATE INDEX ach_matrix_user ON ach_matrix (username);
