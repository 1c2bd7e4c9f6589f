package com.grow.payments.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The merchant order id Toss sees; the payment's natural key. One order, at most one successful
 * charge, ever.
 */
public record OrderId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{6,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    @JsonCreator
    public OrderId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("orderId must be 6-64 characters of [A-Za-z0-9_-]");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** A new sortable id: {@code ord_} + 48-bit millisecond time + 80 random bits, Crockford base32. */
    public static OrderId generate() {
        StringBuilder id = new StringBuilder("ord_");
        long millis = System.currentTimeMillis();
        for (int shift = 45; shift >= 0; shift -= 5) {
            id.append(BASE32[(int) (millis >>> shift) & 31]);
        }
        for (int i = 0; i < 16; i++) {
            id.append(BASE32[RANDOM.nextInt(32)]);
        }
        return new OrderId(id.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
