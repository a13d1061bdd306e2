-- Client-certificate login (mutual TLS): a certificate subject DN, in canonical form, maps to one account.
CREATE TABLE account_certificates (
    subject     VARCHAR(1024)            NOT NULL PRIMARY KEY,
    account_id  BIGINT                   NOT NULL REFERENCES accounts(id),
    set_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    set_by      VARCHAR(128)             NOT NULL
);
CREATE INDEX account_certificates_account ON account_certificates(account_id);
