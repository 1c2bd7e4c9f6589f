package com.grow.payments.infra.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One key per purpose, each derived from a {@code payments.crypto} key with {@link Hkdf}: the AES
 * key that seals billing keys is never itself the key of another use. Knowing one derived key
 * tells nothing about the crypto key or the other derived keys. The labels are part of the stored
 * data's format: changing one orphans what was written under it.
 */
public enum DerivedKeys {

    /** HMAC-SHA256 key of {@code billing_key_secret.lookup_hash}. */
    BILLING_KEY_LOOKUP("billing-key lookup hash v1", "HmacSHA256"),
    /** AES-256 key that seals authKeys while their billing key is being issued. */
    AUTH_KEY_CUSTODY("auth-key custody v1", "AES");

    private static final byte[] SALT = "grow-payments payments.crypto".getBytes(StandardCharsets.UTF_8);
    private static final int KEY_BYTES = 32;

    private final byte[] info;
    private final String algorithm;

    DerivedKeys(String label, String algorithm) {
        this.info = label.getBytes(StandardCharsets.UTF_8);
        this.algorithm = algorithm;
    }

    /** This purpose's key under the given crypto key. */
    public SecretKey from(SecretKey cryptoKey) {
        byte[] master = cryptoKey.getEncoded();
        byte[] derived = Hkdf.derive(SALT, master, info, KEY_BYTES);
        try {
            return new SecretKeySpec(derived, algorithm); // copies the bytes
        } finally {
            Arrays.fill(master, (byte) 0);
            Arrays.fill(derived, (byte) 0);
        }
    }
}
