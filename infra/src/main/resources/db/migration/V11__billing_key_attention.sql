-- Billing keys an operator must look at (BillingKeyAttention keeps it from the events):
-- ISSUE_OUTCOME_UNKNOWN, Toss's answer to the issue never came and a live key may exist at Toss;
-- BILLING_KEY_UNREADABLE, the stored key did not decrypt when a charge needed it. A row goes when
-- the key is issued after all (for the first) or deleted. Gauge billing_keys_needing_attention.
CREATE TABLE billing_key_attention (
    billing_key_id VARCHAR(64) NOT NULL,
    reason         VARCHAR(40) NOT NULL,
    member_id      VARCHAR(64) NOT NULL,
    detail         VARCHAR(200),
    flagged_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (billing_key_id, reason)
);
