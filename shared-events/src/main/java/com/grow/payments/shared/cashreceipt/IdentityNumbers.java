package com.grow.payments.shared.cashreceipt;

/**
 * A cash receipt's identity number (phone, resident or business number) is personal data: it is
 * stored only encrypted, and shown, logged and published only masked, all but its last four digits.
 */
public final class IdentityNumbers {

    private IdentityNumbers() {
    }

    public static String mask(String number) {
        if (number == null || number.isEmpty()) {
            return number;
        }
        int shown = Math.min(4, Math.max(0, number.length() - 4));
        return "*".repeat(number.length() - shown) + number.substring(number.length() - shown);
    }
}
