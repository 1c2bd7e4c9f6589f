package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.OrderId;
import java.util.concurrent.CompletableFuture;

/**
 * The payment gateway as the processes need it. Calls never hold a thread while the PG answers,
 * and never complete exceptionally: every failure is an outcome, and "no answer" is
 * {@link ConfirmOutcome.Unknown}, never a failure.
 */
public interface PaymentGateway {

    CompletableFuture<ConfirmOutcome> confirm(ConfirmRequest request);

    /** The PG's record of the order's payment, looked up by order id. */
    CompletableFuture<LookupOutcome> lookup(OrderId orderId);

    /** Refund all (no amount) or part of an approved payment. */
    CompletableFuture<CancelOutcome> cancel(CancelRequest request);
}
