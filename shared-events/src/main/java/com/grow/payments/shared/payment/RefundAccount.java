package com.grow.payments.shared.payment;

/** Where a refund of a paid virtual-account payment goes: bank code, digits-only number, holder. */
public record RefundAccount(String bank, String accountNumber, String holderName) {
}
