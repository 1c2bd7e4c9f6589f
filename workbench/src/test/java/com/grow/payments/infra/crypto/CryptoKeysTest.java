package com.grow.payments.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CryptoKeysTest {

    private static final String KEY = base64OfBytes(32, 1);
    private static final String OLD_KEY = base64OfBytes(32, 2);

    @Test
    void a_32_byte_base64_key_becomes_the_current_aes_key_under_its_id() {
        CryptoKeys keys = CryptoKeys.of(KEY, "k2", Map.of("k1", OLD_KEY));

        assertThat(keys.currentKeyId()).isEqualTo("k2");
        assertThat(keys.current().getAlgorithm()).isEqualTo("AES");
        assertThat(keys.current().getEncoded()).isEqualTo(Base64.getDecoder().decode(KEY));
        assertThat(keys.byId("k1").orElseThrow().getEncoded()).isEqualTo(Base64.getDecoder().decode(OLD_KEY));
        assertThat(keys.byId("k0")).isEmpty();
    }

    @Test
    void the_key_id_defaults_to_k1_and_previous_keys_are_optional() {
        CryptoKeys keys = CryptoKeys.from(new CryptoProperties(KEY, null, null));

        assertThat(keys.currentKeyId()).isEqualTo("k1");
        assertThat(keys.byId("k1")).contains(keys.current());
    }

    @Test
    void a_missing_key_is_refused_naming_the_property() {
        assertThatThrownBy(() -> CryptoKeys.of(null, "k1", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("payments.crypto.key is not set")
                .hasMessageContaining("32");
        assertThatThrownBy(() -> CryptoKeys.of("  ", "k1", Map.of()))
                .hasMessageStartingWith("payments.crypto.key is not set");
    }

    @Test
    void a_key_of_the_wrong_length_is_refused_without_echoing_it() {
        String aes128 = base64OfBytes(16, 3);

        assertThatThrownBy(() -> CryptoKeys.of(aes128, "k1", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("payments.crypto.key decodes to 16 bytes; AES-256 needs 32")
                .message().doesNotContain(aes128);
    }

    @Test
    void a_key_that_is_not_base64_is_refused_without_echoing_it() {
        String notBase64 = "this is not base64 at all!";

        assertThatThrownBy(() -> CryptoKeys.of(notBase64, "k1", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("payments.crypto.key is not valid base64")
                .hasNoCause()
                .message().doesNotContain(notBase64);
    }

    @Test
    void a_bad_previous_key_is_refused_naming_its_id() {
        assertThatThrownBy(() -> CryptoKeys.of(KEY, "k2", Map.of("k1", base64OfBytes(31, 4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("payments.crypto.previous-keys.k1 decodes to 31 bytes");
        assertThatThrownBy(() -> CryptoKeys.of(KEY, "k2", Map.of("k1", "%%%")))
                .hasMessageStartingWith("payments.crypto.previous-keys.k1 is not valid base64");
        assertThatThrownBy(() -> CryptoKeys.of(KEY, "k2", Map.of("k1", "")))
                .hasMessageStartingWith("payments.crypto.previous-keys.k1 is not set");
    }

    @Test
    void a_previous_key_may_not_reuse_the_current_key_id() {
        assertThatThrownBy(() -> CryptoKeys.of(KEY, "k1", Map.of("k1", OLD_KEY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payments.crypto.previous-keys.k1 reuses the current key id 'k1'");
    }

    @Test
    void a_key_id_must_fit_the_column() {
        assertThatThrownBy(() -> CryptoKeys.of(KEY, "", Map.of()))
                .hasMessageStartingWith("payments.crypto.key-id: a key id is 1 to 32 characters");
        assertThatThrownBy(() -> CryptoKeys.of(KEY, "k".repeat(33), Map.of()))
                .hasMessageStartingWith("payments.crypto.key-id: a key id is 1 to 32 characters");
    }

    @Test
    void to_string_shows_key_ids_and_never_a_key() {
        CryptoKeys keys = CryptoKeys.of(KEY, "k2", Map.of("k1", OLD_KEY));
        CryptoProperties properties = new CryptoProperties(KEY, "k2", Map.of("k1", OLD_KEY));

        assertThat(keys.toString()).isEqualTo("CryptoKeys[current=k2, previous=[k1], keys=****]");
        assertThat(properties.toString()).contains("k2", "k1").doesNotContain(KEY, OLD_KEY);
    }

    private static String base64OfBytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }
}
