package com.grow.payments.command.subscription.web;

import com.grow.payments.command.web.AggregateEvents;
import com.grow.payments.command.web.AmountCeiling;
import com.grow.payments.command.web.AnswerWaiter;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.IdNamespaces;
import com.grow.payments.shared.Ids;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.billing.BillingKeyDeleted;
import com.grow.payments.shared.billing.BillingKeyDeletionRequested;
import com.grow.payments.shared.billing.BillingKeyIssued;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.merchant.Merchants;
import com.grow.payments.shared.subscription.Cycle;
import com.grow.payments.shared.subscription.SubscriptionChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionChargeOutcomeUnknown;
import com.grow.payments.shared.subscription.SubscriptionCharged;
import com.grow.payments.shared.subscription.SubscriptionCommands.CancelSubscription;
import com.grow.payments.shared.subscription.SubscriptionCommands.ResumeSubscription;
import com.grow.payments.shared.subscription.SubscriptionCommands.StartSubscription;
import com.grow.payments.shared.subscription.SubscriptionResumed;
import com.grow.payments.shared.subscription.SubscriptionStarted;
import com.grow.payments.shared.subscription.SubscriptionView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions on a billing key (the README's API walk-through): start, cancel, resume. Charges come from the scheduler. */
@RestController
public class SubscriptionController {

    record StartRequest(
            @NotBlank @Size(max = 64) String billingKeyId,
            @NotBlank @Size(max = 64) String planId,
            @NotBlank @Size(max = 100) String orderName,
            @NotNull @Positive Long amount,
            @NotNull Cycle cycle,
            @Size(max = 40) String startDate,
            @jakarta.validation.constraints.PositiveOrZero Long taxFreeAmount) {
    }

    record CancelRequest(@Size(max = 200) String reason) {
    }

    private final CommandGateway commands;
    private final AnswerWaiter outcomes;
    private final AggregateEvents events;
    private final AmountCeiling ceiling;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration wait;

    public SubscriptionController(CommandGateway commands, AnswerWaiter outcomes, AggregateEvents events,
                                  AmountCeiling ceiling, Clock clock, @Value("${payments.time-zone:Asia/Seoul}") ZoneId zone,
                                  @Value("${payments.confirm.wait-timeout:12s}") Duration wait) {
        this.commands = commands;
        this.outcomes = outcomes;
        this.events = events;
        this.ceiling = ceiling;
        this.clock = clock;
        this.zone = zone;
        this.wait = wait;
    }

    @PostMapping("/api/v1/subscriptions")
    public CompletableFuture<ResponseEntity<SubscriptionView>> start(@Valid @RequestBody StartRequest body,
                                                                     Caller caller) {
        ceiling.check("amount", body.amount());
        List<Object> card = activeBillingKey(body.billingKeyId(), caller);
        String subscriptionId = Ids.sortable(IdNamespaces.SUBSCRIPTION);
        Money amount = Money.won(body.amount());
        Money taxFree = body.taxFreeAmount() == null || body.taxFreeAmount() == 0 ? null : Money.won(body.taxFreeAmount());
        if (taxFree != null && taxFree.amount() > amount.amount()) {
            throw PaymentRejection.invalidField("taxFreeAmount", "must be between 0 and amount");
        }
        // charged at the merchant that issued the card's billing key: no other merchant's key can charge it
        StartSubscription command = new StartSubscription(subscriptionId, caller, body.billingKeyId(),
                customerKey(card), body.planId(), body.orderName().strip(), amount, body.cycle(),
                startAt(body.startDate()), Merchants.firstOf(card), taxFree);
        return commands.send(command).thenApply(started -> ResponseEntity
                .created(URI.create("/api/v1/subscriptions/" + subscriptionId))
                .body(SubscriptionView.fold(events.answer(caller.memberId(), subscriptionId))));
    }

    @PostMapping("/api/v1/subscriptions/{subscriptionId}/cancel")
    public CompletableFuture<SubscriptionView> cancel(@PathVariable String subscriptionId,
                                                      @Valid @RequestBody(required = false) CancelRequest body,
                                                      Caller caller) {
        requireExists(subscriptionId);
        String reason = body == null || body.reason() == null ? "canceled by the member" : body.reason();
        return commands.send(new CancelSubscription(subscriptionId, caller, reason))
                .thenApply(done -> SubscriptionView.fold(events.answer(caller.memberId(), subscriptionId)));
    }

    /** Charges the overdue cycle once: 200 ACTIVE when charged, 402 with Toss's code when declined, 202 when unknown. */
    @PostMapping("/api/v1/subscriptions/{subscriptionId}/resume")
    public CompletableFuture<ResponseEntity<SubscriptionView>> resume(@PathVariable String subscriptionId,
                                                                      Caller caller) {
        requireExists(subscriptionId);
        return commands.send(new ResumeSubscription(subscriptionId, caller, clock.instant()))
                .thenCompose(sent -> outcomes.awaitEvents(caller.memberId(), subscriptionId, wait,
                        all -> answerAfterResume(all) != null))
                .thenApply(all -> {
                    SubscriptionView view = SubscriptionView.fold(all);
                    Object answer = answerAfterResume(all);
                    if (answer instanceof SubscriptionChargeFailed failed) {
                        throw new PaymentRejection(ErrorCode.PAYMENT_DECLINED, failed.failure().code(),
                                failed.failure().message(), Map.of("subscription", view));
                    }
                    return ResponseEntity.status(answer instanceof SubscriptionCharged ? HttpStatus.OK
                            : HttpStatus.ACCEPTED).body(view);
                });
    }

    private static Object answerAfterResume(List<Object> all) {
        Object answer = null;
        for (Object event : all) {
            if (event instanceof SubscriptionResumed) {
                answer = null;
            } else if (event instanceof SubscriptionCharged || event instanceof SubscriptionChargeFailed
                    || event instanceof SubscriptionChargeOutcomeUnknown) {
                answer = event;
            }
        }
        return answer;
    }

    private static String customerKey(List<Object> card) {
        return card.stream().filter(BillingKeyIssued.class::isInstance).map(BillingKeyIssued.class::cast)
                .findFirst().orElseThrow().customerKey();
    }

    /** The billing key's events, when it is the caller's and active. */
    private List<Object> activeBillingKey(String billingKeyId, Caller caller) {
        List<Object> history = events.events(billingKeyId);
        BillingKeyIssued issued = history.stream().filter(BillingKeyIssued.class::isInstance)
                .map(BillingKeyIssued.class::cast).findFirst().orElse(null);
        boolean deleted = history.stream().anyMatch(e -> e instanceof BillingKeyDeleted
                || e instanceof BillingKeyDeletionRequested);
        if (issued == null || deleted || !issued.memberId().equals(caller.memberId().value())) {
            throw new PaymentRejection(ErrorCode.BILLING_KEY_NOT_FOUND, "no active billing key " + billingKeyId);
        }
        return history;
    }

    private void requireExists(String subscriptionId) {
        if (subscriptionId.length() > 64 || events.events(subscriptionId).stream()
                .noneMatch(SubscriptionStarted.class::isInstance)) {
            throw new PaymentRejection(ErrorCode.SUBSCRIPTION_NOT_FOUND, "no subscription " + subscriptionId);
        }
    }

    /** ISO date (charged from midnight in the business time zone) or date-time with offset; none = now. */
    private Instant startAt(String startDate) {
        if (startDate == null || startDate.isBlank()) {
            return clock.instant();
        }
        try {
            return startDate.length() == 10 ? LocalDate.parse(startDate).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(startDate).toInstant();
        } catch (DateTimeParseException e) {
            throw PaymentRejection.invalidField("startDate", "must be an ISO date or a date-time with offset");
        }
    }
}
