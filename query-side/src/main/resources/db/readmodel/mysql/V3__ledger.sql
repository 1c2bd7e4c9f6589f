-- The double-entry ledger on MySQL 8 / MariaDB: the same tables as on PostgreSQL (docs/ledger.md).
-- Rows are only ever inserted; only a reset before a replay empties them. event_id is unique:
-- one entry per event at most.
CREATE TABLE journal_entry (
    entry_id    BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id    VARCHAR(255) NOT NULL,
    subject     VARCHAR(128) NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    currency    VARCHAR(3)   NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    recorded_at DATETIME(6)  NOT NULL,
    CONSTRAINT journal_entry_event UNIQUE (event_id),
    INDEX journal_entry_subject (subject, entry_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE journal_line (
    entry_id BIGINT      NOT NULL,
    line_no  INT         NOT NULL,
    account  VARCHAR(64) NOT NULL,
    debit    BIGINT      NOT NULL,
    credit   BIGINT      NOT NULL,
    PRIMARY KEY (entry_id, line_no),
    CONSTRAINT journal_line_entry FOREIGN KEY (entry_id) REFERENCES journal_entry (entry_id),
    CONSTRAINT journal_line_one_side CHECK (debit >= 0 AND credit >= 0 AND (debit = 0 OR credit = 0)
        AND debit + credit > 0),
    INDEX journal_line_account (account, debit, credit)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
