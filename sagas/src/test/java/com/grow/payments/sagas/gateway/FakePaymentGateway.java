package com.grow.payments.sagas.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A PaymentGateway that answers what the test tells it to and remembers every request. Until told
 * otherwise it never answers, like a PG that has not replied yet.
 */
public final class FakePaymentGateway implements PaymentGateway {

    private final List<ConfirmRequest> requests = new ArrayList<>();
    private CompletableFuture<ConfirmOutcome> answer = new CompletableFuture<>();

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
}
