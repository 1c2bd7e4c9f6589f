package com.grow.payments.infra;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database fault that hits one billing key only: the vault reads its table through a view whose
 * row for this key fails to compute (division by zero), as a failing disk page or a bad migration
 * would. Every other key reads as before. {@link #heal} puts the table back.
 */
public final class VaultFault {

    private final JdbcTemplate jdbc;
    private boolean broken;

    public VaultFault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void breakFor(String billingKeyId) {
        jdbc.execute("ALTER TABLE billing_key_secret RENAME TO billing_key_secret_healthy");
        broken = true;
        jdbc.update("""
                CREATE VIEW billing_key_secret AS
                SELECT billing_key_id, key_id,
                       CASE WHEN billing_key_id = '%s' THEN decode((length(billing_key_id) / 0)::text, 'hex')
                            ELSE nonce END AS nonce,
                       ciphertext, created_at, lookup_hash
                FROM billing_key_secret_healthy""".formatted(billingKeyId));
    }

    public void heal() {
        if (broken) {
            jdbc.execute("DROP VIEW billing_key_secret");
            jdbc.execute("ALTER TABLE billing_key_secret_healthy RENAME TO billing_key_secret");
            broken = false;
        }
    }
}
