package com.grow.payments.query.subscription;

import com.grow.payments.query.support.MonotonicReads;
import com.grow.payments.query.support.PageView;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.subscription.SubscriptionStarted;
import com.grow.payments.shared.subscription.SubscriptionView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's subscriptions from the subscription_view read model. */
@RestController
public class SubscriptionQueryController {

    private final SubscriptionViewRepository views;
    private final MonotonicReads reads;

    public SubscriptionQueryController(SubscriptionViewRepository views, MonotonicReads reads) {
        this.views = views;
        this.reads = reads;
    }

    /** The stored view, or the subscription's own events when the view is older than an answer the caller had. */
    @GetMapping("/api/v1/subscriptions/{subscriptionId}")
    public SubscriptionView subscription(@PathVariable String subscriptionId, Caller caller) {
        var row = views.find(subscriptionId)
                .map(stored -> new MonotonicReads.Row<>(stored.view(), stored.lastSequence()));
        return reads.read(caller.memberId(), subscriptionId, row, SubscriptionQueryController::fold)
                .filter(view -> caller.admin() || view.memberId().equals(caller.memberId().value()))
                .orElseThrow(() -> new PaymentRejection(ErrorCode.SUBSCRIPTION_NOT_FOUND,
                        "no subscription " + subscriptionId));
    }

    private static Optional<SubscriptionView> fold(List<Object> events) {
        return events.get(0) instanceof SubscriptionStarted ? Optional.of(SubscriptionView.fold(events))
                : Optional.empty();
    }

    @GetMapping("/api/v1/subscriptions")
    public PageView<SubscriptionView> subscriptions(@RequestParam(defaultValue = "0") @Min(0) int page,
                                                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                                    Caller caller) {
        return views.page(caller.memberId().value(), page, size);
    }
}
