package com.grow.payments.infra.crypto;

import com.grow.payments.sagas.billing.BillingKeyVault;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Billing keys encrypted with AES-256-GCM in {@code billing_key_secret} (Flyway V5), one row per
 * billing key id. Each value gets a fresh random 12-byte nonce (random nonces stay safe far beyond
 * any count of billing keys one key will see) and a 128-bit tag; the billing key id is the
 * additional authenticated data, so a ciphertext copied to another id fails authentication. The
 * row names the crypto key it was written under, so rotation needs no rewrite: new writes use the
 * current key, old rows are read with the retired key of their id.
 *
 * <p>Shredding: {@link #destroy} deletes the row. Database backups keep the ciphertext until they
 * expire, readable only with the crypto key; retiring that key after rotation shreds those too.
 */
@Component
public class AesGcmBillingKeyVault implements BillingKeyVault {

    /** The width of {@code billing_key_secret.billing_key_id}. */
    private static final int MAX_ID_LENGTH = 64;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CryptoKeys keys;

    /** Fails the start-up, naming the property, when {@code payments.crypto.*} does not hold usable keys. */
    @Autowired
    public AesGcmBillingKeyVault(JdbcClient jdbc, Clock clock, CryptoProperties properties) {
        this(jdbc, clock, CryptoKeys.from(properties));
    }

    public AesGcmBillingKeyVault(JdbcClient jdbc, Clock clock, CryptoKeys keys) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keys = keys;
    }

    @Override
    public void store(String billingKeyId, String billingKey) {
        checkId(billingKeyId);
        Objects.requireNonNull(billingKey, "billingKey");
        AesGcm.Sealed sealed = AesGcm.seal(keys.current(), billingKeyId, billingKey);
        byte[] nonce = sealed.nonce();
        byte[] ciphertext = sealed.ciphertext();
        jdbc.sql("""
                        INSERT INTO billing_key_secret (billing_key_id, key_id, nonce, ciphertext, created_at,
                            lookup_hash)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (billing_key_id) DO UPDATE
                        SET key_id = EXCLUDED.key_id, nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext,
                            created_at = EXCLUDED.created_at, lookup_hash = EXCLUDED.lookup_hash""")
                .params(billingKeyId, keys.currentKeyId(), nonce, ciphertext, Timestamp.from(clock.instant()),
                        lookupHash(keys.current(), billingKey))
                .update();
    }

    @Override
    public Optional<String> findIdByKey(String billingKey) {
        if (billingKey == null || billingKey.isEmpty()) {
            return Optional.empty();
        }
        // a row written before a key rotation carries the hash under its own key: try each
        List<String> hashes = keys.all().stream().map(key -> lookupHash(key, billingKey)).toList();
        return jdbc.sql("SELECT billing_key_id FROM billing_key_secret WHERE lookup_hash IN (:hashes)")
                .param("hashes", hashes)
                .query(String.class)
                .optional();
    }

    /**
     * The keyed hash Toss's key is found by: HMAC-SHA256 under a key derived for this purpose alone
     * ({@link DerivedKeys#BILLING_KEY_LOOKUP}), never under the AES key that seals the row.
     */
    static String lookupHash(SecretKey cryptoKey, String billingKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(DerivedKeys.BILLING_KEY_LOOKUP.from(cryptoKey));
            return HexFormat.of().formatHex(mac.doFinal(billingKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not usable in this JVM", e);
        }
    }

    /**
     * Rewrites every row's lookup hash under the current derivation (rows written before it carried
     * an HMAC under the AES key itself). A row whose crypto key is no longer configured cannot be
     * read: its old hash is cleared, and it is counted.
     *
     * @return how many rows could not be read
     */
    public int rehashLookups() {
        List<String> ids = jdbc.sql("SELECT billing_key_id FROM billing_key_secret ORDER BY billing_key_id")
                .query(String.class).list();
        int unreadable = 0;
        for (String id : ids) {
            Sealed sealed = jdbc.sql("SELECT key_id, nonce, ciphertext FROM billing_key_secret WHERE billing_key_id = ?")
                    .param(id).query((rs, row) -> new Sealed(rs.getString("key_id"), rs.getBytes("nonce"),
                            rs.getBytes("ciphertext"))).single();
            String hash;
            try {
                String billingKey = open(id, sealed); // fails unless the row's crypto key is configured
                hash = lookupHash(keys.byId(sealed.keyId()).orElseThrow(), billingKey);
            } catch (UnreadableBillingKeyException unreadableRow) {
                hash = null;
                unreadable++;
            }
            jdbc.sql("UPDATE billing_key_secret SET lookup_hash = ? WHERE billing_key_id = ?").params(hash, id).update();
        }
        return unreadable;
    }

    @Override
    public Optional<String> reveal(String billingKeyId) {
        checkId(billingKeyId);
        return jdbc.sql("SELECT key_id, nonce, ciphertext FROM billing_key_secret WHERE billing_key_id = ?")
                .param(billingKeyId)
                .query((rs, row) -> new Sealed(rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")))
                .optional()
                .map(sealed -> open(billingKeyId, sealed));
    }

    @Override
    public void destroy(String billingKeyId) {
        checkId(billingKeyId);
        jdbc.sql("DELETE FROM billing_key_secret WHERE billing_key_id = ?").param(billingKeyId).update();
    }

    @Override
    public String toString() {
        return "AesGcmBillingKeyVault[" + keys + "]";
    }

    private String open(String billingKeyId, Sealed sealed) {
        SecretKey key = keys.byId(sealed.keyId()).orElseThrow(() -> new UnreadableBillingKeyException(
                "billing key " + billingKeyId + " was written under crypto key '" + sealed.keyId()
                        + "', which is not configured: add it to payments.crypto.previous-keys"));
        try {
            return AesGcm.open(key, billingKeyId, sealed.nonce(), sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            // the tag (or the row's shape) does not verify: fail closed, the cause says only which check
            throw new UnreadableBillingKeyException("billing key " + billingKeyId + " does not decrypt under crypto key '"
                    + sealed.keyId() + "': the row was altered or copied from another id", e);
        }
    }

    private static void checkId(String billingKeyId) {
        Objects.requireNonNull(billingKeyId, "billingKeyId");
        if (billingKeyId.isBlank() || billingKeyId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("a billing key id is 1 to " + MAX_ID_LENGTH + " characters");
        }
    }

    /** A row as stored: which crypto key, the nonce, and ciphertext with its tag appended. */
    private record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {
    }
}
