package com.grow.payments.infra.audit;

import com.grow.payments.infra.crypto.KeyText;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC key of the event hash chain ({@code payments.audit.chain-key}, base64 of 32 or more
 * random bytes). It lives outside the database on purpose: whoever can rewrite the event store
 * could recompute an unkeyed chain after a change, but cannot compute this one without the key.
 * Parsing says what is wrong without echoing the value; {@link #toString} shows nothing.
 */
public final class ChainKey {

    public static final String PROPERTY = "payments.audit.chain-key";
    static final int MIN_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    private ChainKey(SecretKeySpec key) {
        this.key = key;
    }

    /** @throws IllegalArgumentException naming the property, never the value */
    public static ChainKey parse(String base64) {
        byte[] bytes = KeyText.decode(base64, PROPERTY, "the base64 of " + MIN_BYTES
                + " or more random bytes, kept outside the database");
        try {
            if (bytes.length < MIN_BYTES) {
                throw new IllegalArgumentException(PROPERTY + " decodes to " + bytes.length + " bytes; at least "
                        + MIN_BYTES + " are needed (openssl rand -base64 32)");
            }
            return new ChainKey(new SecretKeySpec(bytes, HMAC));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A fresh HMAC-SHA256 under this key (a {@link Mac} is not thread-safe: one per hash). */
    Mac mac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is in every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ChainKey[****]";
    }
}
