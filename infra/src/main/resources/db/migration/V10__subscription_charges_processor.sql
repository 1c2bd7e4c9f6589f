-- Subscription charges moved from a saga (SubscriptionChargeSaga) to an event handler with a
-- dead-letter queue, processor subscription-charges (docs/adr/0013-dead-letters.md). The new
-- processor takes over the saga processor's position, so no charge request is handled twice (a
-- fresh processor would start from the beginning of the store) and none is skipped.
UPDATE token_entry SET processor_name = 'subscription-charges'
WHERE processor_name = 'SubscriptionChargeSagaProcessor';

-- Each authKey the billing window hands out can be exchanged for a billing key once. A keyed hash
-- of every authKey submitted (never the value) says which billing key it went to, so a second
-- request with the same authKey is refused here instead of reaching Toss, whose answer it could
-- not tell from a refusal while the first key may be live.
CREATE TABLE billing_auth_key_use (
    auth_key_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    billing_key_id VARCHAR(64) NOT NULL,
    used_at        TIMESTAMPTZ NOT NULL
);
