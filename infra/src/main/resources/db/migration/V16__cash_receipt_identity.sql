-- Cash-receipt identity numbers (phone, resident or business numbers: personal data), encrypted
-- with AES-256-GCM like billing keys (see AesGcmIdentityNumberVault), one row per order. Kept out of
-- the event store for the same reason: events are kept for ever and copied into projections, the
-- audit trail and Kafka, so they hold the number masked only; deleting the row shreds it.
CREATE TABLE cash_receipt_identity (
    order_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    -- which payments.crypto key sealed the row (the current one, or a retired one still configured)
    key_id      VARCHAR(32)  NOT NULL,
    -- 12 random bytes, fresh for every value written
    nonce       BYTEA        NOT NULL,
    -- the encrypted number with GCM's 16-byte tag; 'cash-receipt|' || order_id is the authenticated
    -- data, so a ciphertext copied to another order does not decrypt
    ciphertext  BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
