-- The payment history read model, rebuilt at will from the event store by the
-- payment-history processor. One row per order.
CREATE TABLE payment_view (
    order_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    member_id       VARCHAR(128) NOT NULL,
    payment_key     VARCHAR(200),
    order_name      VARCHAR(200) NOT NULL,
    method          VARCHAR(40),
    status          VARCHAR(32)  NOT NULL,
    total_amount    BIGINT       NOT NULL,
    balance_amount  BIGINT       NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    requested_at    TIMESTAMPTZ  NOT NULL,
    approved_at     TIMESTAMPTZ,
    -- the whole view as JSON, so nested parts (cancels, card, failure) need no joins
    document        TEXT         NOT NULL,
    last_sequence   BIGINT       NOT NULL
);
CREATE INDEX payment_view_member_time ON payment_view (member_id, requested_at DESC, order_id DESC);
CREATE INDEX payment_view_member_status_time ON payment_view (member_id, status, requested_at DESC, order_id DESC);
CREATE INDEX payment_view_time ON payment_view (requested_at DESC, order_id DESC);
