package com.grow.payments.infra.reconciliation;

import java.time.LocalDate;

/**
 * One row of Toss's settlement list, signed as Toss writes it: a cancel's row is negative.
 *
 * @param fees every fee Toss kept on it, VAT and interest fee included: {@code amount - payOut}
 */
public record TossSettlement(String mid, String transactionKey, String paymentKey, String orderId, long amount,
                             long fees, long payOut, LocalDate soldDate, LocalDate paidOutDate) {
}
