-- Reconciliation against Toss (docs/reconciliation.md): one row per run, one per transaction compared.
-- A run commits each page of Toss's list with its items and its cursor, so a run cut short by a
-- dying instance is resumed from its cursor by another (its heartbeat stops; the claim is a
-- conditional UPDATE), and no item is written or acted on twice.
CREATE TABLE reconciliation_run (
    run_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    period_from     DATE         NOT NULL,
    period_to       DATE         NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    requested_by    VARCHAR(128) NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ,
    -- the instance working on it and when it last said so
    owner           VARCHAR(128),
    heartbeat_at    TIMESTAMPTZ  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 1,
    -- where it stands: TRANSACTIONS (merchant by merchant, after cursor_key), OURS, SETTLEMENTS (page), DONE
    phase           VARCHAR(16)  NOT NULL DEFAULT 'TRANSACTIONS',
    cursor_merchant INTEGER      NOT NULL DEFAULT 0,
    cursor_key      VARCHAR(255),
    settlement_page INTEGER      NOT NULL DEFAULT 1,
    -- the period's settlements as Toss reports them (paid out in the period), and what this run posted
    settlement_count  BIGINT     NOT NULL DEFAULT 0,
    settlement_fees   BIGINT     NOT NULL DEFAULT 0,
    settlement_payout BIGINT     NOT NULL DEFAULT 0,
    settlement_posted BIGINT     NOT NULL DEFAULT 0,
    failure         VARCHAR(500),
    CONSTRAINT reconciliation_run_period CHECK (period_from <= period_to)
);
CREATE INDEX reconciliation_run_newest ON reconciliation_run (started_at DESC);
CREATE INDEX reconciliation_run_running ON reconciliation_run (heartbeat_at) WHERE status = 'RUNNING';

CREATE TABLE reconciliation_item (
    item_id         BIGSERIAL    NOT NULL PRIMARY KEY,
    run_id          VARCHAR(64)  NOT NULL REFERENCES reconciliation_run (run_id),
    -- the transaction's key, or for one of ours that has none (a subscription charge) its payment's
    item_key        VARCHAR(255) NOT NULL,
    merchant        VARCHAR(64)  NOT NULL,
    transaction_key VARCHAR(255),
    order_id        VARCHAR(64),
    payment_key     VARCHAR(255),
    kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('APPROVAL', 'CANCEL')),
    toss_amount     BIGINT,
    our_amount      BIGINT,
    toss_status     VARCHAR(32),
    our_status      VARCHAR(32),
    transaction_at  TIMESTAMPTZ,
    status          VARCHAR(16)  NOT NULL
        CHECK (status IN ('MATCHED', 'MISMATCHED', 'MISSING_HERE', 'MISSING_AT_TOSS')),
    action          VARCHAR(16)  NOT NULL CHECK (action IN ('NONE', 'LOOKUP', 'FLAG')),
    -- the action has run (a run resumed redoes only those that have not; each is safe to repeat)
    action_done     BOOLEAN      NOT NULL DEFAULT FALSE,
    needs_attention BOOLEAN      NOT NULL DEFAULT FALSE,
    note            VARCHAR(255),
    CONSTRAINT reconciliation_item_once UNIQUE (run_id, item_key)
);
CREATE INDEX reconciliation_item_by_status ON reconciliation_item (run_id, status, item_id);
-- our approvals are found by their payment when Toss's key is not ours (a subscription charge)
CREATE INDEX reconciliation_item_payment ON reconciliation_item (run_id, payment_key);
CREATE INDEX reconciliation_item_pending ON reconciliation_item (run_id, item_id) WHERE NOT action_done;
