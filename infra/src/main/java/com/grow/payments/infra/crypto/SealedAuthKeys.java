package com.grow.payments.infra.crypto;

import com.grow.payments.command.billing.AuthKeyCustody;
import com.grow.payments.sagas.billing.AuthKeys;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * authKeys in {@code billing_auth_key} (Flyway V13), sealed with AES-256-GCM under a key derived
 * for this use alone ({@link DerivedKeys#AUTH_KEY_CUSTODY}), bound to the billing key id. A row
 * lives from the REST request until Toss has answered; one whose issuance never ended is purged
 * after {@code payments.billing.auth-key-retention}.
 */
@Component
public class SealedAuthKeys implements AuthKeyCustody, AuthKeys {

    private static final Logger log = LoggerFactory.getLogger(SealedAuthKeys.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CryptoKeys keys;
    private final Duration retention;

    public SealedAuthKeys(JdbcClient jdbc, Clock clock, CryptoProperties properties,
                          @Value("${payments.billing.auth-key-retention:1d}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keys = CryptoKeys.from(properties);
        this.retention = retention;
    }

    @Override
    public void keep(String billingKeyId, String authKey) {
        Objects.requireNonNull(authKey, "authKey");
        AesGcm.Sealed sealed = AesGcm.seal(sealingKey(keys.current()), billingKeyId, authKey);
        byte[] nonce = sealed.nonce();
        byte[] ciphertext = sealed.ciphertext();
        jdbc.sql("""
                        INSERT INTO billing_auth_key (billing_key_id, key_id, nonce, ciphertext, created_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (billing_key_id) DO UPDATE
                        SET key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext,
                            created_at = EXCLUDED.created_at""")
                .params(billingKeyId, keys.currentKeyId(), nonce, ciphertext, Timestamp.from(clock.instant()))
                .update();
        purgeExpired();
    }

    @Override
    public Optional<String> reveal(String billingKeyId) {
        return jdbc.sql("SELECT key_id, nonce, ciphertext FROM billing_auth_key WHERE billing_key_id = ?"
                        + " AND created_at >= ?")
                .params(billingKeyId, Timestamp.from(clock.instant().minus(retention)))
                .query((rs, row) -> open(billingKeyId, rs.getString("key_id"), rs.getBytes("nonce"),
                        rs.getBytes("ciphertext")))
                .optional()
                .flatMap(clear -> clear);
    }

    @Override
    public void discard(String billingKeyId) {
        jdbc.sql("DELETE FROM billing_auth_key WHERE billing_key_id = ?").param(billingKeyId).update();
    }

    private void purgeExpired() {
        jdbc.sql("DELETE FROM billing_auth_key WHERE created_at < ?")
                .param(Timestamp.from(clock.instant().minus(retention))).update();
    }

    /** An authKey that does not open (altered row, retired crypto key) is as good as none: the card is registered again. */
    private Optional<String> open(String billingKeyId, String keyId, byte[] nonce, byte[] ciphertext) {
        Optional<SecretKey> key = keys.byId(keyId);
        if (key.isEmpty()) {
            log.warn("the authKey for billing key {} was sealed under crypto key '{}', which is not configured",
                    billingKeyId, keyId);
            return Optional.empty();
        }
        try {
            return Optional.of(AesGcm.open(sealingKey(key.get()), billingKeyId, nonce, ciphertext));
        } catch (GeneralSecurityException e) {
            log.warn("the authKey for billing key {} does not decrypt: the row was altered or moved", billingKeyId);
            return Optional.empty();
        }
    }

    private static SecretKey sealingKey(SecretKey cryptoKey) {
        return DerivedKeys.AUTH_KEY_CUSTODY.from(cryptoKey);
    }

    @Override
    public String toString() {
        return "SealedAuthKeys[" + keys + "]";
    }
}
