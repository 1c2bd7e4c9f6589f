package com.grow.payments.infra.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM as every vault here uses it: a fresh random 12-byte nonce per value, a 128-bit tag,
 * and the row's id (with a purpose prefix where one is needed) as authenticated data, so a ciphertext
 * copied to another row does not decrypt.
 */
final class AesGcm {

    /** What is stored: the nonce and the ciphertext with its tag appended. */
    record Sealed(byte[] nonce, byte[] ciphertext) {}

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    static Sealed seal(SecretKey key, String associatedData, String clear) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            return new Sealed(nonce, cipher(Cipher.ENCRYPT_MODE, key, nonce, associatedData)
                    .doFinal(clear.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // AES-GCM is in every JDK and the key length is checked at start-up: a broken runtime
            throw new IllegalStateException("AES-GCM is not usable in this JVM", e);
        }
    }

    /** The clear text, or the exception of a tag (or row) that does not verify. */
    static String open(SecretKey key, String associatedData, byte[] nonce, byte[] ciphertext)
            throws GeneralSecurityException {
        return new String(cipher(Cipher.DECRYPT_MODE, key, nonce, associatedData).doFinal(ciphertext),
                StandardCharsets.UTF_8);
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION); // not thread-safe: one per call
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
