package com.grow.payments.infra.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): turns one secret into independent keys, one per purpose, so a
 * key that encrypts is never also the key that hashes. Extract concentrates the input key's
 * entropy under a salt into a pseudorandom key; expand stretches that into as many bytes as asked,
 * bound to an {@code info} that names the purpose.
 */
public final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_BYTES = 32;

    private Hkdf() {
    }

    /** Extract then expand: {@code length} bytes of key for the purpose {@code info}. */
    public static byte[] derive(byte[] salt, byte[] inputKey, byte[] info, int length) {
        byte[] prk = extract(salt, inputKey);
        try {
            return expand(prk, info, length);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    /** {@code PRK = HMAC-Hash(salt, IKM)}; an absent or empty salt is {@code HashLen} zero bytes. */
    public static byte[] extract(byte[] salt, byte[] inputKey) {
        byte[] key = salt == null || salt.length == 0 ? new byte[HASH_BYTES] : salt;
        return hmac(key).doFinal(inputKey);
    }

    /** {@code T(i) = HMAC-Hash(PRK, T(i-1) | info | i)}, concatenated and cut to {@code length} bytes. */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF-SHA256 gives 1 to " + 255 * HASH_BYTES + " bytes");
        }
        Mac mac = hmac(prk);
        ByteArrayOutputStream okm = new ByteArrayOutputStream(length + HASH_BYTES);
        byte[] block = new byte[0];
        for (int i = 1; okm.size() < length; i++) {
            mac.update(block);
            mac.update(info == null ? new byte[0] : info);
            mac.update((byte) i);
            block = mac.doFinal();
            okm.writeBytes(block);
        }
        return Arrays.copyOf(okm.toByteArray(), length);
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is in every JVM", e);
        }
    }
}
