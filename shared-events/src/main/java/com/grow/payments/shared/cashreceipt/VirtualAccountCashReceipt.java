package com.grow.payments.shared.cashreceipt;

/**
 * The cash receipt asked for when a virtual account is opened: Toss issues it when the deposit
 * comes in. The registration number is in the vault, encrypted under the order id; here it is masked.
 */
public record VirtualAccountCashReceipt(CashReceiptType type, String registrationNumberMasked) {
}
