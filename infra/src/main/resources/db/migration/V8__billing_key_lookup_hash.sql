-- Toss's BILLING_DELETED webhook names the billing key itself. To find which of ours it is without
-- keeping the key in clear, each row keeps a keyed hash of it (HMAC with the crypto key, so the
-- table alone cannot confirm a guessed key).
ALTER TABLE billing_key_secret ADD COLUMN lookup_hash VARCHAR(64);
CREATE INDEX billing_key_secret_lookup ON billing_key_secret (lookup_hash);
