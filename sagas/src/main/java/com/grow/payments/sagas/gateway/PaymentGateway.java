package com.grow.payments.sagas.gateway;

import java.util.concurrent.CompletableFuture;

/**
 * The payment gateway as the processes need it. Calls never hold a thread while the PG answers,
 * and never complete exceptionally: every failure is an outcome, and "no answer" is
 * {@link ConfirmOutcome.Unknown}, never a failure.
 */
public interface PaymentGateway {

    CompletableFuture<ConfirmOutcome> confirm(ConfirmRequest request);
}
