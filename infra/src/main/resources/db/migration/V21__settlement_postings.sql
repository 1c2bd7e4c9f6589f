-- Toss's settlements posted to the ledger: one row per settled transaction, ever, written in the same
-- transaction as the SettlementRecorded event it appends, so a period run twice posts nothing twice.
CREATE TABLE settlement_posting (
    transaction_key VARCHAR(255) NOT NULL PRIMARY KEY,
    merchant        VARCHAR(64)  NOT NULL,
    order_id        VARCHAR(64)  NOT NULL,
    paid_out_date   DATE         NOT NULL,
    gross           BIGINT       NOT NULL,
    fees            BIGINT       NOT NULL,
    payout          BIGINT       NOT NULL,
    run_id          VARCHAR(64)  NOT NULL,
    posted_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX settlement_posting_paid_out ON settlement_posting (paid_out_date);

-- A run looks for our money events of its period (those Toss may not have): by the time they were
-- recorded, among the few event types that move money, without reading the whole event store.
CREATE INDEX domain_event_entry_money_time ON domain_event_entry (time_stamp)
    WHERE payload_type IN ('com.grow.payments.shared.payment.PaymentApproved',
                           'com.grow.payments.shared.payment.PaymentCancelled',
                           'com.grow.payments.shared.payment.PaymentDeposited',
                           'com.grow.payments.shared.payment.PaymentCompensated',
                           'com.grow.payments.shared.subscription.SubscriptionCharged');
