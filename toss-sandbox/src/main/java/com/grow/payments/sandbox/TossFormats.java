package com.grow.payments.sandbox;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Shapes of Toss's identifiers and timestamps, kept in one place so every resource agrees. */
final class TossFormats {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{6,64}");

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(SEOUL);
    private static final DateTimeFormatter KEY_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(SEOUL);
    private static final char[] ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    // Keys must not be guessable even in a sandbox: tests use them as capability tokens.
    private static final SecureRandom RANDOM = new SecureRandom();

    private TossFormats() {
    }

    /** ISO-8601 in Seoul time with an explicit offset, as Toss prints it: 2026-11-25T14:03:22+09:00. */
    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    static boolean isValidOrderId(String orderId) {
        return orderId != null && ORDER_ID.matcher(orderId).matches();
    }

    static String paymentKey(Instant now) {
        return "tgen_" + KEY_STAMP.format(now) + random(20);
    }

    static String transactionKey() {
        return "txrd_" + random(27);
    }

    static String receiptKey() {
        return "rcpt_" + random(27);
    }

    static String approveNo() {
        return String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
        }
        return new String(out);
    }
}
