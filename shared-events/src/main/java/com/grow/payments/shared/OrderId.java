package com.grow.payments.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * The merchant order id Toss sees; the payment's natural key. One order, at most one successful
 * charge, ever.
 */
public record OrderId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{6,64}");

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
        return new OrderId(Ids.sortable(IdNamespaces.ORDER));
    }

    @Override
    public String toString() {
        return value;
    }
}
