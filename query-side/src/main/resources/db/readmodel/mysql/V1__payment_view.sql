-- The payment history read model on MySQL 8 / MariaDB: the same table as on PostgreSQL.
-- Ids are compared byte for byte (utf8mb4_bin): ord_A and ord_a are two orders.
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
    requested_at       DATETIME(6)  NOT NULL,
    approved_at        DATETIME(6)  NULL,
    due_date           DATETIME(6)  NULL,
    document           LONGTEXT     NOT NULL,
    last_sequence      BIGINT       NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    cancel_in_progress BOOLEAN      NOT NULL DEFAULT FALSE,
    needs_attention    BOOLEAN      NOT NULL DEFAULT FALSE,
    INDEX payment_view_member_time (member_id, requested_at DESC, order_id DESC),
    INDEX payment_view_member_status_time (member_id, status, requested_at DESC, order_id DESC),
    INDEX payment_view_time (requested_at DESC, order_id DESC),
    INDEX payment_view_status_time (status, requested_at DESC, order_id DESC),
    -- no partial indexes here: the sweep's filters lead with the column that narrows them
    INDEX payment_view_open_work (status, updated_at),
    INDEX payment_view_cancel_work (cancel_in_progress, updated_at),
    INDEX payment_view_waiting_deposit (status, due_date),
    INDEX payment_view_needs_attention (needs_attention, requested_at DESC)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
