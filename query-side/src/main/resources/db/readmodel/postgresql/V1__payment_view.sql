-- The payment history read model, rebuilt at will from the event store by the
-- payment-history processor. One row per order.
CREATE TABLE payment_view (
    order_id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    member_id          VARCHAR(128) NOT NULL,
    payment_key        VARCHAR(200),
    order_name         VARCHAR(200) NOT NULL,
    method             VARCHAR(40),
    status             VARCHAR(32)  NOT NULL,
    total_amount       BIGINT       NOT NULL,
    balance_amount     BIGINT       NOT NULL,
    currency           VARCHAR(3)   NOT NULL,
    requested_at       TIMESTAMPTZ  NOT NULL,
    approved_at        TIMESTAMPTZ,
    -- a virtual account's due date: the janitor looks up accounts past it
    due_date           TIMESTAMPTZ,
    -- the whole view as JSON, so nested parts (cancels, card, failure) need no joins
    document           TEXT         NOT NULL,
    last_sequence      BIGINT       NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    cancel_in_progress BOOLEAN      NOT NULL DEFAULT FALSE,
    needs_attention    BOOLEAN      NOT NULL DEFAULT FALSE
);
-- one member's history, newest first, optionally by status: never a scan of other members' rows
CREATE INDEX payment_view_member_time ON payment_view (member_id, requested_at DESC, order_id DESC);
CREATE INDEX payment_view_member_status_time ON payment_view (member_id, status, requested_at DESC, order_id DESC);
-- an ADMIN's view of everyone's, newest first, optionally by status
CREATE INDEX payment_view_time ON payment_view (requested_at DESC, order_id DESC);
CREATE INDEX payment_view_status_time ON payment_view (status, requested_at DESC, order_id DESC);
-- what the janitor's sweep looks for: payments whose answer from Toss is still open, by how long
-- they have been quiet; accounts waiting for a deposit past their due date; flagged payments
CREATE INDEX payment_view_open_work ON payment_view (updated_at)
    WHERE status IN ('IN_PROGRESS', 'UNKNOWN') OR cancel_in_progress;
CREATE INDEX payment_view_waiting_deposit ON payment_view (due_date) WHERE status = 'WAITING_FOR_DEPOSIT';
CREATE INDEX payment_view_needs_attention ON payment_view (requested_at DESC) WHERE needs_attention;
