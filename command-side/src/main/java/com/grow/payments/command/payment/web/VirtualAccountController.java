package com.grow.payments.command.payment.web;

import com.grow.payments.command.web.AggregateEvents;
import com.grow.payments.command.web.AmountCeiling;
import com.grow.payments.command.web.AnswerWaiter;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.cashreceipt.CashReceiptType;
import com.grow.payments.shared.cashreceipt.IdentityNumberVault;
import com.grow.payments.shared.cashreceipt.IdentityNumbers;
import com.grow.payments.shared.cashreceipt.VirtualAccountCashReceipt;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.merchant.MerchantFlow;
import com.grow.payments.shared.merchant.MerchantRouting;
import com.grow.payments.shared.payment.PaymentCommands.IssueVirtualAccount;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PaymentView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Payments by bank transfer into a virtual account (the README's API walk-through). */
@RestController
public class VirtualAccountController {

    record AccountRequest(
            @Pattern(regexp = PaymentRequests.ORDER_ID, message = PaymentRequests.ORDER_ID_MESSAGE) String orderId,
            @NotBlank @Size(max = 100) String orderName,
            @NotNull @Positive Long amount,
            @NotBlank @Pattern(regexp = "[0-9A-Z]{2,3}", message = "must be a bank code such as 20 or 88") String bank,
            @NotBlank @Size(max = 100) String customerName,
            @Min(1) @Max(720) Integer validHours,
            @jakarta.validation.constraints.PositiveOrZero Long taxFreeAmount,
            @Valid CashReceiptBody cashReceipt) {
    }

    /** A cash receipt Toss issues on deposit: its type and the registration number (personal data). */
    record CashReceiptBody(
            @NotNull CashReceiptType type,
            @NotBlank @Pattern(regexp = "[0-9]{8,30}", message = "must be 8-30 digits") String registrationNumber) {
    }

    private final CommandGateway commands;
    private final AnswerWaiter outcomes;
    private final AmountCeiling ceiling;
    private final AggregateEvents views;
    private final IdentityNumberVault identityNumbers;
    private final Clock clock;
    private final Duration wait;
    private final MerchantRouting merchants;

    public VirtualAccountController(CommandGateway commands, AnswerWaiter outcomes, AmountCeiling ceiling,
                                    AggregateEvents views, IdentityNumberVault identityNumbers, Clock clock,
                                    @Value("${payments.confirm.wait-timeout:12s}") Duration wait,
                                    MerchantRouting merchants) {
        this.merchants = merchants;
        this.commands = commands;
        this.outcomes = outcomes;
        this.ceiling = ceiling;
        this.views = views;
        this.identityNumbers = identityNumbers;
        this.clock = clock;
        this.wait = wait;
    }

    /** Keeps the number, encrypted, for the call that opens the account (never for an order already used). */
    private VirtualAccountCashReceipt cashReceipt(OrderId orderId, CashReceiptBody receipt) {
        if (receipt == null || !views.events(orderId).isEmpty()) {
            return null;
        }
        identityNumbers.store(orderId.value(), receipt.registrationNumber());
        return new VirtualAccountCashReceipt(receipt.type(), IdentityNumbers.mask(receipt.registrationNumber()));
    }

    /** 201 WAITING_FOR_DEPOSIT with the account, 402 with Toss's code when refused, 202 when not known yet. */
    @PostMapping("/api/v1/virtual-accounts")
    public CompletableFuture<ResponseEntity<PaymentView>> open(@Valid @RequestBody AccountRequest body, Caller caller) {
        ceiling.check("amount", body.amount());
        OrderId orderId = CallerOrderIds.chosenOrNew(body.orderId());
        Money amount = Money.won(body.amount());
        IssueVirtualAccount command = new IssueVirtualAccount(orderId, caller.memberId(), body.orderName().strip(),
                amount, body.bank(), body.customerName().strip(), body.validHours(), clock.instant(),
                cashReceipt(orderId, body.cashReceipt()), merchants.merchantFor(MerchantFlow.VIRTUAL_ACCOUNT),
                PaymentRequests.taxFree(body.taxFreeAmount(), amount));
        return commands.send(command)
                .thenCompose(sent -> outcomes.awaitUntil(caller.memberId(), orderId, wait,
                        events -> PaymentView.fold(events).status() != PaymentStatus.IN_PROGRESS))
                .thenApply(view -> {
                    if (view.status() == PaymentStatus.ABORTED || view.status() == PaymentStatus.EXPIRED) {
                        throw new PaymentRejection(ErrorCode.PAYMENT_DECLINED, view.failure().code(),
                                view.failure().message(), Map.of("payment", view));
                    }
                    HttpStatus status = view.status() == PaymentStatus.WAITING_FOR_DEPOSIT ? HttpStatus.CREATED
                            : HttpStatus.ACCEPTED;
                    return ResponseEntity.status(status).location(URI.create("/api/v1/payments/" + orderId)).body(view);
                });
    }
}
