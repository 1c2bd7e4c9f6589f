package com.grow.payments.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.sagas.billing.BillingKeyVault;
import com.grow.payments.sagas.billing.BillingKeyVault.UnreadableBillingKeyException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The vault on the service's real PostgreSQL. A moved or altered ciphertext fails closed with
 * {@link UnreadableBillingKeyException}; only an unknown or destroyed id reveals empty.
 */
class AesGcmBillingKeyVaultIT extends IntegrationTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    private BillingKeyVault vault;

    @Autowired
    private JdbcClient jdbcClient;

    @Autowired
    private Clock clock;

    @Autowired
    private CryptoProperties cryptoProperties;

    @Test
    void the_lookup_hash_is_keyed_with_a_derived_key_and_rows_hashed_under_the_aes_key_are_rehashed() throws Exception {
        String id = newId();
        String billingKey = newBillingKey();
        vault.store(id, billingKey);
        javax.crypto.Mac underAesKey = javax.crypto.Mac.getInstance("HmacSHA256");
        underAesKey.init(new javax.crypto.spec.SecretKeySpec(
                CryptoKeys.from(cryptoProperties).current().getEncoded(), "HmacSHA256"));
        String legacy = HexFormat.of().formatHex(
                underAesKey.doFinal(("billing-key-lookup|" + billingKey).getBytes(StandardCharsets.UTF_8)));
        String plainUnderAesKey = HexFormat.of().formatHex(underAesKey.doFinal(billingKey.getBytes(StandardCharsets.UTF_8)));
        assertThat(lookupHash(id)).isNotIn(legacy, plainUnderAesKey);

        // a row as written before the derived key
        jdbcClient.sql("UPDATE billing_key_secret SET lookup_hash = ? WHERE billing_key_id = ?").params(legacy, id).update();
        assertThat(vault.findIdByKey(billingKey)).isEmpty();

        ((AesGcmBillingKeyVault) vault).rehashLookups();

        assertThat(vault.findIdByKey(billingKey)).contains(id);
        assertThat(lookupHash(id)).isNotEqualTo(legacy);
    }

    private String lookupHash(String id) {
        return jdbcClient.sql("SELECT lookup_hash FROM billing_key_secret WHERE billing_key_id = ?").param(id)
                .query(String.class).single();
    }

    @Test
    void store_then_reveal_gives_the_billing_key_back() {
        String id = newId();
        String billingKey = newBillingKey();

        vault.store(id, billingKey);

        assertThat(vault.reveal(id)).contains(billingKey);
        assertThat(vault).isInstanceOf(AesGcmBillingKeyVault.class);
    }

    @Test
    void the_stored_row_holds_neither_the_key_bytes_nor_its_text() {
        String id = newId();
        String billingKey = newBillingKey();
        byte[] utf8 = billingKey.getBytes(StandardCharsets.UTF_8);
        String base64 = Base64.getEncoder().encodeToString(utf8);

        vault.store(id, billingKey);

        Row row = row(id);
        assertThat(row.nonce()).hasSize(12);
        assertThat(row.ciphertext()).hasSize(utf8.length + 16); // the key's length plus GCM's 128-bit tag
        for (byte[] column : new byte[][] {row.nonce(), row.ciphertext()}) {
            assertThat(indexOf(column, utf8)).isNegative();
            assertThat(indexOf(column, base64.getBytes(StandardCharsets.US_ASCII))).isNegative();
        }
        String wholeRow = jdbc.queryForObject("SELECT s::text FROM billing_key_secret s WHERE billing_key_id = ?",
                String.class, id);
        assertThat(wholeRow).contains(id)
                .doesNotContain(billingKey, base64, HexFormat.of().formatHex(utf8));
    }

    @Test
    void storing_the_same_key_twice_uses_a_fresh_nonce_and_ciphertext() {
        String id = newId();
        String billingKey = newBillingKey();

        vault.store(id, billingKey);
        Row first = row(id);
        vault.store(id, billingKey);
        Row second = row(id);

        assertThat(second.nonce()).isNotEqualTo(first.nonce());
        assertThat(second.ciphertext()).isNotEqualTo(first.ciphertext());
        assertThat(vault.reveal(id)).contains(billingKey);
    }

    @Test
    void a_ciphertext_copied_to_another_id_does_not_decrypt() {
        String id = newId();
        String otherId = newId();
        String billingKey = newBillingKey();
        vault.store(id, billingKey);

        jdbc.update("""
                INSERT INTO billing_key_secret (billing_key_id, key_id, nonce, ciphertext, created_at)
                SELECT ?, key_id, nonce, ciphertext, created_at FROM billing_key_secret WHERE billing_key_id = ?""",
                otherId, id);

        assertThatThrownBy(() -> vault.reveal(otherId))
                .isInstanceOf(UnreadableBillingKeyException.class)
                .hasMessageContaining(otherId)
                .message().doesNotContain(billingKey);
        assertThat(vault.reveal(id)).contains(billingKey);
    }

    @Test
    void an_altered_ciphertext_does_not_decrypt() {
        String id = newId();
        vault.store(id, newBillingKey());
        byte[] ciphertext = row(id).ciphertext();
        ciphertext[0] ^= 1;

        jdbc.update("UPDATE billing_key_secret SET ciphertext = ? WHERE billing_key_id = ?", ciphertext, id);

        assertThatThrownBy(() -> vault.reveal(id)).isInstanceOf(UnreadableBillingKeyException.class);
    }

    @Test
    void destroy_deletes_the_row_and_reveal_is_empty_for_good() {
        String id = newId();
        vault.store(id, newBillingKey());

        vault.destroy(id);

        assertThat(vault.reveal(id)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM billing_key_secret WHERE billing_key_id = ?",
                Long.class, id)).isZero();
        vault.destroy(id); // again: nothing left, nothing to fail
        assertThat(vault.reveal(newId())).isEmpty();
    }

    @Test
    void a_row_written_under_a_previous_key_still_reveals_after_rotation() {
        String oldKey = newCryptoKey();
        String oldKeyId = "it-old-" + UUID.randomUUID().toString().substring(0, 8);
        String newKeyId = "it-new-" + UUID.randomUUID().toString().substring(0, 8);
        var before = new AesGcmBillingKeyVault(jdbcClient, clock, CryptoKeys.of(oldKey, oldKeyId, Map.of()));
        var after = new AesGcmBillingKeyVault(jdbcClient, clock,
                CryptoKeys.of(newCryptoKey(), newKeyId, Map.of(oldKeyId, oldKey)));
        String id = newId();
        String billingKey = newBillingKey();
        before.store(id, billingKey);

        assertThat(after.reveal(id)).contains(billingKey);
        assertThat(row(id).keyId()).isEqualTo(oldKeyId);

        after.store(id, after.reveal(id).orElseThrow()); // re-encrypted under the current key
        assertThat(row(id).keyId()).isEqualTo(newKeyId);
        assertThat(after.reveal(id)).contains(billingKey);
        assertThatThrownBy(() -> before.reveal(id)) // the old configuration does not know the new key
                .isInstanceOf(UnreadableBillingKeyException.class)
                .hasMessageContaining(newKeyId)
                .hasMessageContaining("payments.crypto.previous-keys");
    }

    @Test
    void to_string_names_key_ids_and_shows_no_key() {
        String cryptoKey = newCryptoKey();
        var vaultWithKnownKey = new AesGcmBillingKeyVault(jdbcClient, clock, CryptoKeys.of(cryptoKey, "k9", Map.of()));

        assertThat(vaultWithKnownKey.toString()).contains("k9").doesNotContain(cryptoKey);
    }

    private Row row(String id) {
        return jdbcClient.sql("SELECT key_id, nonce, ciphertext FROM billing_key_secret WHERE billing_key_id = ?")
                .param(id)
                .query((rs, n) -> new Row(rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")))
                .single();
    }

    private record Row(String keyId, byte[] nonce, byte[] ciphertext) {
    }

    private static String newId() {
        return "bk_" + UUID.randomUUID();
    }

    /** Shaped like Toss's: 44 characters of base64 text. */
    private static String newBillingKey() {
        return Base64.getEncoder().encodeToString(randomBytes(32));
    }

    private static String newCryptoKey() {
        return Base64.getEncoder().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
