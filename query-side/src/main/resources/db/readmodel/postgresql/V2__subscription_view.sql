-- The subscription read model: one row per subscription, the whole view as JSON. The charge
-- scheduler reads it for due subscriptions, the janitor's sweep for charges left without an answer.
CREATE TABLE subscription_view (
    subscription_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    member_id          VARCHAR(128) NOT NULL,
    billing_key_id     VARCHAR(64)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    next_charge_at     TIMESTAMPTZ,
    charge_in_progress BOOLEAN      NOT NULL,
    in_flight_order_id VARCHAR(64),
    started_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    document           TEXT         NOT NULL,
    last_sequence      BIGINT       NOT NULL
);
CREATE INDEX subscription_view_member ON subscription_view (member_id, started_at DESC, subscription_id DESC);
CREATE INDEX subscription_view_due ON subscription_view (next_charge_at)
    WHERE status IN ('ACTIVE', 'PAST_DUE') AND NOT charge_in_progress;
CREATE INDEX subscription_view_open_charges ON subscription_view (updated_at) WHERE charge_in_progress;
