package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.OrderId;
import java.util.concurrent.CompletableFuture;

/**
 * The payment gateway as the processes need it. Every call names the merchant whose key makes it
 * (its name, as configured; see {@link MerchantOf} for the merchant of a record made earlier). Calls never hold a thread while the PG answers,
 * and never complete exceptionally: every failure is an outcome, and "no answer" is
 * {@link ConfirmOutcome.Unknown}, never a failure.
 */
public interface PaymentGateway {

    CompletableFuture<ConfirmOutcome> confirm(String merchant, ConfirmRequest request);

    /** The PG's record of the order's payment, looked up by order id. */
    CompletableFuture<LookupOutcome> lookup(String merchant, OrderId orderId);

    /** Refund all (no amount) or part of an approved payment. */
    CompletableFuture<CancelOutcome> cancel(String merchant, CancelRequest request);

    /** Exchange the authKey from Toss's billing window for a billing key. */
    CompletableFuture<IssueOutcome> issueBillingKey(String merchant, String authKey, String customerKey, String idempotencyKey);

    /** Charge a billing key; answered like a confirmation (a billing charge sends no webhook). */
    CompletableFuture<ConfirmOutcome> chargeBillingKey(String merchant, BillingChargeRequest request);

    /** Open a virtual account; answered like a confirmation (Approved carries the WAITING_FOR_DEPOSIT payment). */
    CompletableFuture<ConfirmOutcome> issueVirtualAccount(String merchant, VirtualAccountRequest request);

    /** Delete a billing key at Toss; true once it is gone there (already gone counts). */
    CompletableFuture<Boolean> deleteBillingKey(String merchant, String billingKey);
}
