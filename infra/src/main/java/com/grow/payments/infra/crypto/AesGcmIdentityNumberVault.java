package com.grow.payments.infra.crypto;

import com.grow.payments.shared.cashreceipt.IdentityNumberVault;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
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

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CryptoKeys keys;
    private final SecureRandom random = new SecureRandom();

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
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext;
        try {
            ciphertext = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, orderId)
                    .doFinal(identityNumber.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not usable in this JVM", e);
        }
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
            return new String(cipher(Cipher.DECRYPT_MODE, key, nonce, orderId).doFinal(ciphertext),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the identity number of order " + orderId
                    + " does not decrypt: the row was altered or copied from another order", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String orderId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("cash-receipt|" + orderId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
