package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import java.time.LocalDate;
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

    /** Issue a cash receipt (현금영수증) for a paid cash payment, at the payment's merchant. */
    CompletableFuture<CashReceiptOutcome> issueCashReceipt(CashReceiptRequest request);

    /** Cancel all (amount null) or part of a cash receipt; Done carries the cancel's row. */
    CompletableFuture<CashReceiptOutcome> cancelCashReceipt(String receiptKey, Money amount, String idempotencyKey);

    /** The cash-receipt issues and cancels requested on one day (Seoul), every page. */
    CompletableFuture<CashReceiptLookup> cashReceipts(LocalDate requestDate);
}
