package com.grow.payments.infra.billing;

import com.grow.payments.command.billing.AuthKeyUses;
import com.grow.payments.infra.toss.SecretHashes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The authKeys submitted, in {@code billing_auth_key_use}, each as a hash: an authKey is spent once
 * exchanged, but it is still a credential until then, so its value is kept nowhere.
 */
@Component
public class JdbcAuthKeyUses implements AuthKeyUses {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcAuthKeyUses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<String> claim(String authKey, String billingKeyId) {
        String hash = SecretHashes.of(authKey);
        int inserted = jdbc.sql("""
                        INSERT INTO billing_auth_key_use (auth_key_hash, billing_key_id, used_at) VALUES (?, ?, ?)
                        ON CONFLICT (auth_key_hash) DO NOTHING""")
                .params(hash, billingKeyId, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT billing_key_id FROM billing_auth_key_use WHERE auth_key_hash = ?")
                .param(hash).query(String.class).optional();
    }

    @Override
    public boolean reassign(String authKey, String from, String to) {
        return jdbc.sql("UPDATE billing_auth_key_use SET billing_key_id = ?, used_at = ? "
                        + "WHERE auth_key_hash = ? AND billing_key_id = ?")
                .params(to, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), SecretHashes.of(authKey), from)
                .update() == 1;
    }
}
