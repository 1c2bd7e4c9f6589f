package com.grow.payments.command.payment.web;

import com.grow.payments.command.web.AggregateEvents;
import com.grow.payments.command.web.AmountCeiling;
import com.grow.payments.command.web.AnswerWaiter;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.Currency;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.merchant.MerchantFlow;
import com.grow.payments.shared.merchant.MerchantRouting;
import com.grow.payments.shared.payment.PaymentCommands.CheckOutPayment;
import com.grow.payments.shared.payment.PaymentCommands.ConfirmPayment;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PaymentView;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Checkout and confirmation of one-time payments (the README's API walk-through). */
@RestController
@RequestMapping("/api/v1/payments")
public class PaymentCommandController {

    private final CommandGateway commands;
    private final AggregateEvents views;
    private final AnswerWaiter outcomes;
    private final CheckoutConflicts conflicts;
    private final AmountCeiling ceiling;
    private final Clock clock;
    private final Duration confirmWait;
    private final MerchantRouting merchants;

    public PaymentCommandController(CommandGateway commands, AggregateEvents views, AnswerWaiter outcomes,
                                    CheckoutConflicts conflicts, AmountCeiling ceiling, Clock clock,
                                    @Value("${payments.confirm.wait-timeout:12s}") Duration confirmWait,
                                    MerchantRouting merchants) {
        this.merchants = merchants;
        this.commands = commands;
        this.views = views;
        this.outcomes = outcomes;
        this.conflicts = conflicts;
        this.ceiling = ceiling;
        this.clock = clock;
        this.confirmWait = confirmWait;
    }

    @PostMapping
    public CompletableFuture<ResponseEntity<PaymentView>> checkout(@Valid @RequestBody PaymentRequests.Checkout body,
                                                                   Caller caller) {
        ceiling.check("amount", body.amount());
        OrderId orderId = CallerOrderIds.chosenOrNew(body.orderId());
        Currency currency = body.currency() == null ? Currency.KRW : body.currency();
        Money amount = new Money(body.amount(), currency);
        CheckOutPayment command = new CheckOutPayment(orderId, caller.memberId(), body.orderName().strip(), amount,
                clock.instant(), merchants.merchantFor(MerchantFlow.CARD),
                PaymentRequests.taxFree(body.taxFreeAmount(), amount));
        return views.createAndAnswer(caller.memberId(), orderId.value(), () -> commands.send(command))
                .thenApply(events -> ResponseEntity.created(URI.create("/api/v1/payments/" + orderId))
                        .body(payment(orderId, events)))
                .exceptionally(failure -> ResponseEntity.ok(conflicts.existingCheckoutOrThrow(command, failure)));
    }

    @PostMapping("/confirm")
    public CompletableFuture<ResponseEntity<PaymentView>> confirm(@Valid @RequestBody PaymentRequests.Confirm body,
                                                                  Caller caller) {
        ceiling.check("amount", body.amount());
        OrderId orderId = new OrderId(body.orderId());
        ConfirmPayment command = new ConfirmPayment(orderId, caller, new PaymentKey(body.paymentKey()),
                Money.won(body.amount()));
        return commands.send(command)
                .thenCompose(accepted -> outcomes.awaitSettled(caller.memberId(), orderId, confirmWait))
                .thenApply(PaymentCommandController::answer);
    }

    /** 200 approved, 402 declined or expired (Toss's code), 202 not known yet: poll GET. */
    private static ResponseEntity<PaymentView> answer(PaymentView view) {
        if (view.status() == PaymentStatus.ABORTED || view.status() == PaymentStatus.EXPIRED) {
            throw new PaymentRejection(ErrorCode.PAYMENT_DECLINED, view.failure().code(), view.failure().message(),
                    Map.of("payment", view));
        }
        boolean pending = view.status() == PaymentStatus.UNKNOWN || view.status() == PaymentStatus.IN_PROGRESS;
        return ResponseEntity.status(pending ? HttpStatus.ACCEPTED : HttpStatus.OK).body(view);
    }

    private static PaymentView payment(OrderId orderId, List<Object> events) {
        if (events.isEmpty()) {
            throw new PaymentRejection(ErrorCode.PAYMENT_NOT_FOUND, "no payment for order " + orderId);
        }
        return PaymentView.fold(events);
    }
}
