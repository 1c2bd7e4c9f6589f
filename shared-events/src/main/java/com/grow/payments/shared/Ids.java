package com.grow.payments.shared;

import java.security.SecureRandom;

/** Sortable, unguessable ids: a prefix, 48 bits of millisecond time and 80 random bits, in base32. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private Ids() {
    }

    public static String sortable(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        long millis = System.currentTimeMillis();
        for (int shift = 45; shift >= 0; shift -= 5) {
            id.append(BASE32[(int) (millis >>> shift) & 31]);
        }
        for (int i = 0; i < 16; i++) {
            id.append(BASE32[RANDOM.nextInt(32)]);
        }
        return id.toString();
    }
}
