-- The authKey from Toss's billing window, sealed (AES-256-GCM under a key derived for this use
-- alone) while its billing key is being issued, and deleted once Toss has answered. It used to
-- travel in the BillingKeyIssueRequested event, where it would have stayed for ever; here it is
-- a row that goes away (see docs/security.md).
CREATE TABLE billing_auth_key (
    billing_key_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    -- which payments.crypto key the sealing key was derived from
    key_id         VARCHAR(32)  NOT NULL,
    nonce          BYTEA        NOT NULL,
    -- the authKey encrypted, GCM's tag appended; billing_key_id is the authenticated data
    ciphertext     BYTEA        NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);
-- rows whose issuance never ended are purged by age
CREATE INDEX billing_auth_key_created ON billing_auth_key (created_at);
