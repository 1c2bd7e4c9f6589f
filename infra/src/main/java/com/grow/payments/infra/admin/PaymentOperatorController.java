package com.grow.payments.infra.admin;

import com.grow.payments.command.web.AggregateEvents;
import com.grow.payments.infra.janitor.HintedLookups;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentCommands.ResolvePaymentAttention;
import com.grow.payments.shared.payment.PaymentView;
import com.grow.payments.shared.subscription.ChargeOrderIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an operator does to one payment (ADMIN, under {@code /api/v1/admin}): look it up at Toss now,
 * and clear the flag the janitor set, with a note. Both are recorded with the operator as author:
 * the command's metadata names the caller, and a resolution's event names them too.
 */
@RestController
public class PaymentOperatorController {

    /** The resolution's body: why the operator clears the flag. */
    record ResolveRequest(@NotBlank @Size(max = 500) String note) {
    }

    private final AggregateEvents payments;
    private final HintedLookups lookups;
    private final CommandGateway commands;

    public PaymentOperatorController(AggregateEvents payments, HintedLookups lookups, CommandGateway commands) {
        this.payments = payments;
        this.lookups = lookups;
        this.commands = commands;
    }

    /**
     * 202: the order is looked up at Toss at once, on the hinted look-ups' pool, and settled by the
     * janitor's rules. A subscription cycle's order id is looked up for its subscription.
     */
    @PostMapping("/api/v1/admin/payments/{orderId}/lookup")
    public ResponseEntity<Map<String, Object>> lookUp(@PathVariable String orderId, Caller caller) {
        requireAdmin(caller);
        if (!isPayment(orderId) && !isCycleCharge(orderId)) {
            throw notFound(orderId);
        }
        lookups.requestNow(new OrderId(orderId));
        return ResponseEntity.accepted().body(Map.of("orderId", orderId, "lookupRequested", true));
    }

    /** 200 with the payment, no longer flagged; 409 {@code PAYMENT_NOT_FLAGGED} when it was not. */
    @PostMapping("/api/v1/admin/payments/{orderId}/resolve")
    public CompletableFuture<PaymentView> resolve(@PathVariable String orderId, @Valid @RequestBody ResolveRequest body,
                                                  Caller caller) {
        requireAdmin(caller);
        if (!isPayment(orderId)) {
            throw notFound(orderId);
        }
        OrderId order = new OrderId(orderId);
        return commands.send(new ResolvePaymentAttention(order, body.note().strip(), caller.memberId()))
                .thenApply(done -> payments.load(order).orElseThrow(() -> notFound(orderId)));
    }

    private boolean isPayment(String orderId) {
        if (!OrderId.isValid(orderId)) {
            return false;
        }
        List<Object> events = payments.events(orderId);
        return !events.isEmpty() && events.get(0) instanceof PaymentCheckedOut;
    }

    private boolean isCycleCharge(String orderId) {
        return OrderId.isValid(orderId) && ChargeOrderIds.parse(orderId)
                .map(cycle -> payments.lastSequence(cycle.subscriptionId()) >= 0)
                .orElse(false);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new PaymentRejection(ErrorCode.FORBIDDEN, "only ADMIN may act on payments as an operator");
        }
    }

    private static PaymentRejection notFound(String orderId) {
        return new PaymentRejection(ErrorCode.PAYMENT_NOT_FOUND, "no payment for order " + orderId);
    }
}
