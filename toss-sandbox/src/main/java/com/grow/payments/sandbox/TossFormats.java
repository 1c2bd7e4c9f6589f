package com.grow.payments.sandbox;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.regex.Pattern;

/** Shapes of Toss's identifiers and timestamps, kept in one place so every resource agrees. */
final class TossFormats {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{6,64}");
    static final Pattern CUSTOMER_KEY = Pattern.compile("[A-Za-z0-9_=.@-]{2,300}");

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(SEOUL);
    /** Webhook envelopes carry local Seoul time with microseconds and no offset (docs/toss.md). */
    private static final DateTimeFormatter WEBHOOK_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(SEOUL);
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

    static String webhookTimestamp(Instant instant) {
        return WEBHOOK_TIMESTAMP.format(instant);
    }

    static boolean isValidOrderId(String orderId) {
        return orderId != null && ORDER_ID.matcher(orderId).matches();
    }

    /** 2 to 300 characters of letters, digits and - _ = . @, as Toss requires of a customerKey. */
    static boolean isValidCustomerKey(String customerKey) {
        return customerKey != null && CUSTOMER_KEY.matcher(customerKey).matches();
    }

    /** 32 random bytes, URL-safe Base64 with padding (44 characters), the shape of Toss's real billing keys. */
    static String billingKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    /** What the billing-auth window hands back on successUrl; opaque to the merchant. */
    static String authKey() {
        return "bln_" + random(28);
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

    /** A cash receipt's key, its handle for cancel and look-up. */
    static String cashReceiptKey() {
        return "csrcpt_" + random(24);
    }

    /** The National Tax Service's approval number of a cash receipt: 9 digits. */
    static String issueNumber() {
        return String.format("%09d", RANDOM.nextInt(1_000_000_000));
    }

    /** A 14-digit account number, the length of the real ones in Toss's virtual-account answers. */
    static String virtualAccountNumber() {
        StringBuilder out = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            out.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return out.toString();
    }

    /**
     * A virtual-account payment's {@code secret}: "ps_" and 28 random characters (about 166 bits), the
     * shape of Toss's. Merchants compare it with DEPOSIT_CALLBACK's to reject forged deposits.
     */
    static String paymentSecret() {
        return "ps_" + random(28);
    }

    /** {@code tosspayments-webhook-transmission-id}: one per transmission, the same on each of its retries. */
    static String transmissionId() {
        return "whtrans_" + random(24);
    }

    /** Eight digits, zero-padded, as on a card slip. */
    static String approveNo() {
        String digits = Integer.toString(RANDOM.nextInt(100_000_000));
        return "0".repeat(8 - digits.length()) + digits;
    }

    static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
        }
        return new String(out);
    }
}
