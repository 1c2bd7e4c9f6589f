package com.grow.payments.infra.toss;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Toss's virtual-account {@code secret} is only ever compared, never shown: it is hashed where it
 * enters the service and kept as that hash. Webhook checks hash what they receive and compare in
 * constant time.
 */
public final class SecretHashes {

    private SecretHashes() {
    }

    public static String of(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time: how long the comparison takes says nothing about how much matched. */
    public static boolean matches(String secret, String expectedHash) {
        String hash = of(secret);
        if (hash == null || expectedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
