package com.grow.payments.infra.crypto;

import java.util.Base64;

/**
 * A key as configured: base64 text. Decoding fails with a message that names the property and
 * what it should hold, never the value (the decoder's own message would quote a character of it).
 */
public final class KeyText {

    private KeyText() {
    }

    /**
     * @param expected what the property must hold, e.g. "the base64 of 32 random bytes (AES-256)"
     * @return the decoded bytes; the caller checks their length and wipes them after use
     * @throws IllegalArgumentException naming the property when it is unset or not base64
     */
    public static byte[] decode(String base64, String property, String expected) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(property + " is not set: it must be " + expected
                    + ", e.g. from `openssl rand -base64 32`");
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // not chained: the decoder's message quotes the offending character of the key
            throw new IllegalArgumentException(property + " is not valid base64 (standard alphabet A-Z a-z 0-9 + /, "
                    + "'=' padding): it must be " + expected);
        }
    }
}
