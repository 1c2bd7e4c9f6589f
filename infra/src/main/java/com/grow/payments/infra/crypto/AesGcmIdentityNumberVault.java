package com.grow.payments.infra.crypto;

import com.grow.payments.shared.cashreceipt.IdentityNumberVault;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cash-receipt identity numbers encrypted with AES-256-GCM in {@code cash_receipt_identity}
 * (Flyway V16), under the same {@code payments.crypto} keys as billing keys: a fresh random 12-byte
 * nonce per value, a 128-bit tag, and {@code cash-receipt|<orderId>} as the authenticated data, so a
 * ciphertext copied to another order, or to the billing-key table, does not decrypt.
 */
@Component
public class AesGcmIdentityNumberVault implements IdentityNumberVault {


    private final JdbcClient jdbc;
    private final Clock clock;
    private final CryptoKeys keys;

    @Autowired
    public AesGcmIdentityNumberVault(JdbcClient jdbc, Clock clock, CryptoProperties properties) {
        this(jdbc, clock, CryptoKeys.from(properties));
    }

    public AesGcmIdentityNumberVault(JdbcClient jdbc, Clock clock, CryptoKeys keys) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keys = keys;
    }

    @Override
    public void store(String orderId, String identityNumber) {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(identityNumber, "identityNumber");
        AesGcm.Sealed sealed = AesGcm.seal(keys.current(), associatedData(orderId), identityNumber);
        byte[] nonce = sealed.nonce();
        byte[] ciphertext = sealed.ciphertext();
        jdbc.sql("""
                        INSERT INTO cash_receipt_identity (order_id, key_id, nonce, ciphertext, created_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (order_id) DO UPDATE
                        SET key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext,
                            created_at = EXCLUDED.created_at""")
                .params(orderId, keys.currentKeyId(), nonce, ciphertext, Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public Optional<String> reveal(String orderId) {
        return jdbc.sql("SELECT key_id, nonce, ciphertext FROM cash_receipt_identity WHERE order_id = ?")
                .param(orderId)
                .query((rs, row) -> open(orderId, rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")))
                .optional();
    }

    @Override
    public String toString() {
        return "AesGcmIdentityNumberVault[" + keys + "]";
    }

    private String open(String orderId, String keyId, byte[] nonce, byte[] ciphertext) {
        SecretKey key = keys.byId(keyId).orElseThrow(() -> new IllegalStateException("the identity number of order "
                + orderId + " was written under crypto key '" + keyId + "', which is not configured"));
        try {
            return AesGcm.open(key, associatedData(orderId), nonce, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the identity number of order " + orderId
                    + " does not decrypt: the row was altered or copied from another order", e);
        }
    }

    private static String associatedData(String orderId) {
        return "cash-receipt|" + orderId;
    }
}
