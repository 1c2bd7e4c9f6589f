-- Toss billing keys, encrypted (AES-256-GCM, see AesGcmBillingKeyVault), one row per billing key id.
-- Kept apart from the event store on purpose: events are immutable and replayed for ever into
-- projections, the audit trail and Kafka, so a key written into one could never be erased. Events
-- carry only billing_key_id; the key lives here, where deleting the row shreds it (no replay can
-- bring it back). Being its own table, it can also be granted, backed up and purged on its own terms.
CREATE TABLE billing_key_secret (
    billing_key_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    -- which payments.crypto key sealed the row: the current one, or a retired one still configured
    -- under payments.crypto.previous-keys (rotation rewrites nothing)
    key_id         VARCHAR(32)  NOT NULL,
    -- 12 random bytes, fresh for every value written
    nonce          BYTEA        NOT NULL,
    -- the encrypted key with GCM's 16-byte tag appended; billing_key_id is the authenticated data,
    -- so a ciphertext copied to another id does not decrypt
    ciphertext     BYTEA        NOT NULL,
    -- when this ciphertext was written (storing again, e.g. to re-encrypt under a new key, renews it)
    created_at     TIMESTAMPTZ  NOT NULL
);
