-- The subscription read model on MySQL 8 / MariaDB: the same table as on PostgreSQL.
CREATE TABLE subscription_view (
    subscription_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    member_id          VARCHAR(128) NOT NULL,
    billing_key_id     VARCHAR(64)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    next_charge_at     DATETIME(6)  NULL,
    charge_in_progress BOOLEAN      NOT NULL,
    in_flight_order_id VARCHAR(64)  NULL,
    started_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    document           LONGTEXT     NOT NULL,
    last_sequence      BIGINT       NOT NULL,
    INDEX subscription_view_member (member_id, started_at DESC, subscription_id DESC),
    INDEX subscription_view_due (status, charge_in_progress, next_charge_at),
    INDEX subscription_view_open_charges (charge_in_progress, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
