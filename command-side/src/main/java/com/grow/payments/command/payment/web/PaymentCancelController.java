package com.grow.payments.command.payment.web;

import com.grow.payments.command.web.AggregateEvents;
import com.grow.payments.command.web.AmountCeiling;
import com.grow.payments.command.web.AnswerWaiter;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCancelRefused;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCommands.CancelPayment;
import com.grow.payments.shared.payment.PaymentView;
import com.grow.payments.shared.payment.RefundAccount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Full and partial cancels (refunds) of approved payments (the README's API walk-through). */
@RestController
public class PaymentCancelController {

    /** The cancel body; refundReceiveAccount only for paid virtual-account payments. */
    record CancelRequest(
            @NotBlank @Size(max = 200) String cancelReason,
            @Positive Long cancelAmount,
            @Valid RefundAccountBody refundReceiveAccount) {
    }

    record RefundAccountBody(
            @NotBlank @Pattern(regexp = "[0-9A-Z]{2,3}", message = "must be a bank code") String bank,
            @NotBlank @Pattern(regexp = "[0-9]{6,20}", message = "must be 6-20 digits") String accountNumber,
            @NotBlank @Size(max = 60) String holderName) {
    }

    private final CommandGateway commands;
    private final AnswerWaiter outcomes;
    private final AggregateEvents views;
    private final AmountCeiling ceiling;
    private final Clock clock;
    private final Duration ownerWindow;
    private final Duration wait;

    public PaymentCancelController(CommandGateway commands, AnswerWaiter outcomes, AggregateEvents views,
                                   AmountCeiling ceiling, Clock clock,
                                   @Value("${payments.cancel.owner-window:7d}") Duration ownerWindow,
                                   @Value("${payments.confirm.wait-timeout:12s}") Duration wait) {
        this.commands = commands;
        this.outcomes = outcomes;
        this.views = views;
        this.ceiling = ceiling;
        this.clock = clock;
        this.ownerWindow = ownerWindow;
        this.wait = wait;
    }

    @PostMapping("/api/v1/payments/{orderId}/cancel")
    public CompletableFuture<ResponseEntity<PaymentView>> cancel(
            @PathVariable String orderId, @Valid @RequestBody CancelRequest body, Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (!OrderId.isValid(orderId)) {
            throw new PaymentRejection(ErrorCode.PAYMENT_NOT_FOUND, "no payment for order " + orderId);
        }
        ceiling.check("cancelAmount", body.cancelAmount());
        OrderId order = new OrderId(orderId);
        String cancelId = cancelId(caller, order, idempotencyKey);
        RefundAccountBody account = body.refundReceiveAccount();
        CancelPayment command = new CancelPayment(order, caller, cancelId, body.cancelReason().strip(),
                body.cancelAmount() == null ? null : Money.won(body.cancelAmount()),
                account == null ? null : new RefundAccount(account.bank(), account.accountNumber(), account.holderName()),
                clock.instant(), ownerWindow);
        return commands.send(command)
                .thenCompose(accepted -> outcomes.awaitUntil(caller.memberId(), order, wait, events -> answerTo(events, cancelId).isPresent()))
                .thenApply(view -> answer(view, views.events(order), cancelId));
    }

    /** A retried request with the same Idempotency-Key is the same cancel step; without a key, a new one. */
    private static String cancelId(Caller caller, OrderId order, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((caller.memberId() + "|" + order + "|" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Optional<Object> answerTo(List<Object> events, String cancelId) {
        return events.stream().filter(event ->
                event instanceof PaymentCancelled e && e.cancelId().equals(cancelId)
                        || event instanceof PaymentCancelRefused r && r.cancelId().equals(cancelId)
                        || event instanceof PaymentCancelOutcomeUnknown u && u.cancelId().equals(cancelId))
                .reduce((first, last) -> last);
    }

    /** 200 cancelled, 409 with Toss's code when refused, 202 when Toss's answer is not known yet. */
    private static ResponseEntity<PaymentView> answer(PaymentView view, List<Object> events, String cancelId) {
        Object outcome = answerTo(events, cancelId).orElse(null);
        if (outcome instanceof PaymentCancelRefused refused) {
            throw new PaymentRejection(ErrorCode.CANCEL_REFUSED, refused.failure().code(), refused.failure().message(),
                    Map.of("payment", view));
        }
        return ResponseEntity.status(outcome instanceof PaymentCancelled ? HttpStatus.OK : HttpStatus.ACCEPTED).body(view);
    }
}
