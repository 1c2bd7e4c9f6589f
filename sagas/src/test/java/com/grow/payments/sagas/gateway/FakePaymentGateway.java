package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.OrderId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A PaymentGateway that answers what the test tells it to and remembers every request. Until told
 * otherwise it never answers, like a PG that has not replied yet.
 */
public final class FakePaymentGateway implements PaymentGateway {

    private final List<String> merchants = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The merchant named by each call, in order. */
    public List<String> merchants() {
        return merchants;
    }

    private final List<ConfirmRequest> requests = new ArrayList<>();
    private final List<CancelRequest> cancels = new ArrayList<>();
    private CompletableFuture<ConfirmOutcome> answer = new CompletableFuture<>();
    private CompletableFuture<CancelOutcome> cancelAnswer = new CompletableFuture<>();
    private CompletableFuture<LookupOutcome> lookupAnswer = new CompletableFuture<>();

    public void answersCancel(CancelOutcome outcome) {
        cancelAnswer = CompletableFuture.completedFuture(outcome);
    }

    public void answersLookup(LookupOutcome outcome) {
        lookupAnswer = CompletableFuture.completedFuture(outcome);
    }

    public List<CancelRequest> cancelRequests() {
        return List.copyOf(cancels);
    }

    public void answers(ConfirmOutcome outcome) {
        answer = CompletableFuture.completedFuture(outcome);
    }

    public void neverAnswers() {
        answer = new CompletableFuture<>();
    }

    public List<ConfirmRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public CompletableFuture<ConfirmOutcome> confirm(String merchant, ConfirmRequest request) {
        merchants.add(merchant);
        requests.add(request);
        return answer;
    }

    @Override
    public CompletableFuture<LookupOutcome> lookup(String merchant, OrderId orderId) {
        merchants.add(merchant);
        return lookupAnswer;
    }

    @Override
    public CompletableFuture<CancelOutcome> cancel(String merchant, CancelRequest request) {
        merchants.add(merchant);
        cancels.add(request);
        return cancelAnswer;
    }

    private final List<BillingChargeRequest> charges = new ArrayList<>();
    private CompletableFuture<ConfirmOutcome> chargeAnswer = new CompletableFuture<>();
    private CompletableFuture<IssueOutcome> issueAnswer = new CompletableFuture<>();
    private CompletableFuture<Boolean> deleteAnswer = new CompletableFuture<>();

    public void answersCharge(ConfirmOutcome outcome) {
        chargeAnswer = CompletableFuture.completedFuture(outcome);
    }

    public void answersIssue(IssueOutcome outcome) {
        issueAnswer = CompletableFuture.completedFuture(outcome);
    }

    public void answersDelete(boolean gone) {
        deleteAnswer = CompletableFuture.completedFuture(gone);
    }

    public List<BillingChargeRequest> chargeRequests() {
        return List.copyOf(charges);
    }

    /** One request for a billing key, as Toss received it. */
    public record IssueCall(String authKey, String customerKey, String idempotencyKey) {
    }

    private final List<IssueCall> issues = new ArrayList<>();
    private final List<String> deletes = new ArrayList<>();

    public List<IssueCall> issueRequests() {
        return List.copyOf(issues);
    }

    /** The billing keys Toss was asked to delete. */
    public List<String> deleteRequests() {
        return List.copyOf(deletes);
    }

    @Override
    public CompletableFuture<IssueOutcome> issueBillingKey(String merchant, String authKey, String customerKey,
                                                         String idempotencyKey) {
        merchants.add(merchant);
        issues.add(new IssueCall(authKey, customerKey, idempotencyKey));
        return issueAnswer;
    }

    @Override
    public CompletableFuture<ConfirmOutcome> chargeBillingKey(String merchant, BillingChargeRequest request) {
        merchants.add(merchant);
        charges.add(request);
        return chargeAnswer;
    }

    @Override
    public CompletableFuture<Boolean> deleteBillingKey(String merchant, String billingKey) {
        merchants.add(merchant);
        deletes.add(billingKey);
        return deleteAnswer;
    }

    private CompletableFuture<ConfirmOutcome> accountAnswer = new CompletableFuture<>();

    public void answersVirtualAccount(ConfirmOutcome outcome) {
        accountAnswer = CompletableFuture.completedFuture(outcome);
    }

    @Override
    public CompletableFuture<ConfirmOutcome> issueVirtualAccount(String merchant, VirtualAccountRequest request) {
        merchants.add(merchant);
        return accountAnswer;
    }

    @Override
    public CompletableFuture<CashReceiptOutcome> issueCashReceipt(CashReceiptRequest request) {
        return CompletableFuture.completedFuture(new CashReceiptOutcome.Unknown("not scripted"));
    }

    @Override
    public CompletableFuture<CashReceiptOutcome> cancelCashReceipt(String receiptKey,
                                                                   com.grow.payments.shared.Money amount,
                                                                   String idempotencyKey) {
        return CompletableFuture.completedFuture(new CashReceiptOutcome.Unknown("not scripted"));
    }

    @Override
    public CompletableFuture<CashReceiptLookup> cashReceipts(java.time.LocalDate requestDate) {
        return CompletableFuture.completedFuture(new CashReceiptLookup.Unknown("not scripted"));
    }
}
