package com.grow.payments.command.payment.web;

import com.grow.payments.command.web.AggregateEvents;
import com.grow.payments.command.web.AnswerWaiter;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RequestCashReceipt;
import com.grow.payments.shared.cashreceipt.CashReceiptStatus;
import com.grow.payments.shared.cashreceipt.CashReceiptType;
import com.grow.payments.shared.cashreceipt.CashReceiptView;
import com.grow.payments.shared.cashreceipt.IdentityNumberVault;
import com.grow.payments.shared.cashreceipt.IdentityNumbers;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PaymentView;
import com.grow.payments.shared.payment.PgPaymentMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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

/**
 * Cash receipts (현금영수증) for paid virtual-account or transfer payments. The identity number goes
 * into the vault, encrypted, before the command; every answer shows it masked. One receipt per
 * order: a second request answers the receipt that stands.
 */
@RestController
public class CashReceiptController {

    record ReceiptRequest(
            @NotNull CashReceiptType type,
            @NotBlank @Pattern(regexp = "[0-9]{8,30}", message = "must be 8-30 digits") String customerIdentityNumber) {
    }

    private final CommandGateway commands;
    private final AnswerWaiter outcomes;
    private final AggregateEvents views;
    private final IdentityNumberVault vault;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration wait;

    public CashReceiptController(CommandGateway commands, AnswerWaiter outcomes, AggregateEvents views,
                                 IdentityNumberVault vault, Clock clock,
                                 @Value("${payments.time-zone:Asia/Seoul}") ZoneId zone,
                                 @Value("${payments.confirm.wait-timeout:12s}") Duration wait) {
        this.commands = commands;
        this.outcomes = outcomes;
        this.views = views;
        this.vault = vault;
        this.clock = clock;
        this.zone = zone;
        this.wait = wait;
    }

    /** 201 the receipt; 202 while Toss's answer is not known (or it comes on deposit); 409 not applicable; 422 refused. */
    @PostMapping("/api/v1/payments/{orderId}/cash-receipt")
    public CompletableFuture<ResponseEntity<CashReceiptView>> issue(@PathVariable String orderId,
                                                                    @Valid @RequestBody ReceiptRequest body,
                                                                    Caller caller) {
        PaymentView payment = payment(orderId, caller);
        OrderId order = new OrderId(orderId);
        CashReceiptView standing = payment.cashReceipt();
        if (standing == null || standing.issueStatus() == CashReceiptStatus.FAILED) {
            requireApplicable(payment);
            vault.store(orderId, body.customerIdentityNumber());
        }
        RequestCashReceipt command = new RequestCashReceipt(order, caller, body.type(),
                IdentityNumbers.mask(body.customerIdentityNumber()), LocalDate.now(clock.withZone(zone)).toString());
        return commands.send(command)
                .thenCompose(sent -> outcomes.awaitUntil(caller.memberId(), order, wait, CashReceiptController::settled))
                .thenApply(CashReceiptController::answer);
    }

    private PaymentView payment(String orderId, Caller caller) {
        List<Object> events = OrderId.isValid(orderId) ? views.events(new OrderId(orderId)) : List.of();
        PaymentView view = events.isEmpty() || !(events.get(0) instanceof PaymentCheckedOut)
                ? null : PaymentView.fold(events);
        if (view == null || !caller.mayAccess(new MemberId(view.memberId()))) {
            throw new PaymentRejection(ErrorCode.PAYMENT_NOT_FOUND, "no payment for order " + orderId);
        }
        return view;
    }

    private static void requireApplicable(PaymentView payment) {
        // an account transfer is the other cash payment a receipt is for
        boolean cash = payment.virtualAccount() != null
                || PgPaymentMethod.of(payment.method()) == PgPaymentMethod.TRANSFER;
        boolean paid = payment.status() == PaymentStatus.DONE || payment.status() == PaymentStatus.PARTIAL_CANCELED;
        if (!cash || !paid) {
            throw new PaymentRejection(ErrorCode.CASH_RECEIPT_NOT_APPLICABLE, "order " + payment.orderId()
                    + (cash ? " is not paid" : " was not paid by virtual account or transfer"));
        }
    }

    private static boolean settled(List<Object> events) {
        CashReceiptView receipt = PaymentView.fold(events).cashReceipt();
        return receipt != null && receipt.settled();
    }

    private static ResponseEntity<CashReceiptView> answer(PaymentView payment) {
        CashReceiptView receipt = payment.cashReceipt();
        if (receipt.issueStatus() == CashReceiptStatus.FAILED) {
            throw new PaymentRejection(ErrorCode.CASH_RECEIPT_REFUSED, receipt.failure().code(),
                    receipt.failure().message(), Map.of("cashReceipt", receipt));
        }
        HttpStatus status = receipt.issueStatus() == CashReceiptStatus.REQUESTED
                || receipt.issueStatus() == CashReceiptStatus.UNKNOWN
                || receipt.issueStatus() == CashReceiptStatus.ON_DEPOSIT ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
        return ResponseEntity.status(status).location(URI.create("/api/v1/payments/" + payment.orderId()))
                .body(receipt);
    }
}
