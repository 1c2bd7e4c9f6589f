package com.grow.payments.shared.payment;

import java.util.Arrays;

/**
 * Toss's {@code method} of a payment, as a type: the code decides on these values, never on Toss's
 * Korean words. The word itself ({@link #tossName}) is what the events record and callers read, as
 * Toss sent it. A method this version does not know is {@link #UNRECOGNIZED}: it proves nothing.
 */
public enum PgPaymentMethod {
    CARD("카드"),
    VIRTUAL_ACCOUNT("가상계좌"),
    EASY_PAY("간편결제"),
    MOBILE_PHONE("휴대폰"),
    TRANSFER("계좌이체"),
    CULTURE_GIFT_CERTIFICATE("문화상품권"),
    BOOK_GIFT_CERTIFICATE("도서문화상품권"),
    GAME_GIFT_CERTIFICATE("게임문화상품권"),
    UNRECOGNIZED(null);

    private final String tossName;

    PgPaymentMethod(String tossName) {
        this.tossName = tossName;
    }

    /** Toss's word for this method. */
    public String tossName() {
        return tossName;
    }

    /** Toss's word as a method; anything else, or none, is {@link #UNRECOGNIZED}. */
    public static PgPaymentMethod of(String tossName) {
        return Arrays.stream(values()).filter(known -> known != UNRECOGNIZED && known.tossName.equals(tossName))
                .findFirst().orElse(UNRECOGNIZED);
    }
}
