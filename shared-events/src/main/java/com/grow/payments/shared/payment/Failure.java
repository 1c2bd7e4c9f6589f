package com.grow.payments.shared.payment;

/** Why a payment did not go through, in Toss's words: its error code and message. */
public record Failure(String code, String message) {
}
