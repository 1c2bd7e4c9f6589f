-- Look-ups at Toss that webhooks asked for, at most one per order per interval however many
-- webhooks arrive. One row per order: pending when a look-up is wanted, due_at the earliest it may
-- run (the last run plus the interval). Instances claim rows with SKIP LOCKED, so each look-up runs
-- on one of them. A row neither pending nor due in the future says nothing and is purged.
CREATE TABLE webhook_lookup (
    order_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    pending     BOOLEAN     NOT NULL,
    due_at      TIMESTAMPTZ NOT NULL,
    requests    BIGINT      NOT NULL DEFAULT 1
);
CREATE INDEX webhook_lookup_due ON webhook_lookup (due_at) WHERE pending;

-- receipts are purged by age (payments.webhook.retention)
CREATE INDEX webhook_receipt_received_at ON webhook_receipt (received_at);
