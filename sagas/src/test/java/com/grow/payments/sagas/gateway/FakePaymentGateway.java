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
    public CompletableFuture<ConfirmOutcome> confirm(ConfirmRequest request) {
        requests.add(request);
        return answer;
    }

    @Override
    public CompletableFuture<LookupOutcome> lookup(OrderId orderId) {
        return lookupAnswer;
    }

    @Override
    public CompletableFuture<CancelOutcome> cancel(CancelRequest request) {
        cancels.add(request);
        return cancelAnswer;
    }
}
