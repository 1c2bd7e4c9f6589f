-- The billing-key read model on MySQL 8 / MariaDB: the same table as on PostgreSQL.
CREATE TABLE billing_key_view (
    billing_key_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    member_id          VARCHAR(128) NOT NULL,
    card_company       VARCHAR(64)  NULL,
    card_number_masked VARCHAR(64)  NULL,
    status             VARCHAR(16)  NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    last_sequence      BIGINT       NOT NULL,
    INDEX billing_key_view_member (member_id, created_at DESC, billing_key_id DESC)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
