package com.grow.payments.sagas.cashreceipt;

import com.grow.payments.sagas.gateway.CashReceiptOutcome;
import com.grow.payments.sagas.gateway.CashReceiptRequest;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.cashreceipt.CashReceiptCanceled;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptCanceled;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptIssueFailed;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptIssued;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptUnknown;
import com.grow.payments.shared.cashreceipt.CashReceiptIssueFailed;
import com.grow.payments.shared.cashreceipt.CashReceiptIssued;
import com.grow.payments.shared.cashreceipt.CashReceiptRequested;
import com.grow.payments.shared.cashreceipt.IdentityNumberVault;
import com.grow.payments.shared.payment.FailureCode;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.payment.VirtualAccountRequested;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One order's cash receipt at Toss: issues it once, settles a lost answer by Toss's look-up of the
 * request day (never by issuing again), and cancels it with the payment, for the amount cancelled.
 * The identity number is read from the vault for the one call that needs it and never logged.
 */
public class CashReceiptSaga {

    private static final Logger log = LoggerFactory.getLogger(CashReceiptSaga.class);

    private static final ZoneId TOSS_DAY = ZoneId.of("Asia/Seoul");

    private String orderId;
    private String receiptKey;
    private long remaining;
    /** Asked with the virtual account: Toss issues it on deposit and cancels it with the payment. */
    private boolean issuedByToss;

    @Inject
    private transient PaymentGateway gateway;
    @Inject
    private transient CommandGateway commands;
    @Inject
    private transient IdentityNumberVault vault;
    @Inject
    private transient CashReceiptLookups lookups;
    @Inject
    private transient Clock clock;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(VirtualAccountRequested event) {
        orderId = event.orderId().value();
        issuedByToss = event.cashReceipt() != null;
        if (!issuedByToss) {
            SagaLifecycle.end();
        }
    }

    /** Toss issued the account's receipt with the deposit: its list of the day names it. */
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentDeposited event) {
        if (issuedByToss && receiptKey == null) {
            lookups.find(event.orderId(), LocalDate.now(clock.withZone(TOSS_DAY)));
        }
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(CashReceiptRequested event) {
        orderId = event.orderId().value();
        String number = vault.reveal(orderId).orElse(null);
        if (number == null) {
            commands.send(new RecordCashReceiptIssueFailed(event.orderId(), FailureCode.IDENTITY_NUMBER_MISSING.failure()));
            return;
        }
        CashReceiptRequest request = new CashReceiptRequest(event.orderId(), event.orderName(), event.amount(), 0,
                event.type(), number, StepKeys.of("cash-receipt", orderId, event.attempt()));
        gateway.issueCashReceipt(request)
                .thenCompose(outcome -> {
                    if (outcome instanceof CashReceiptOutcome.Done done) {
                        return commands.send(new RecordCashReceiptIssued(event.orderId(), done.receipt(), clock.instant()));
                    }
                    if (outcome instanceof CashReceiptOutcome.Refused refused) {
                        return commands.send(new RecordCashReceiptIssueFailed(event.orderId(), refused.failure()));
                    }
                    String reason = ((CashReceiptOutcome.Unknown) outcome).reason();
                    return commands.send(new RecordCashReceiptUnknown(event.orderId(), reason))
                            .thenCompose(sent -> lookups.settle(event.orderId(), LocalDate.parse(event.requestDate())));
                })
                .exceptionally(failure -> {
                    log.error("cash receipt of order {} not recorded", orderId, failure);
                    return null;
                });
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(CashReceiptIssued event) {
        receiptKey = event.receiptKey();
        remaining = event.amount().amount();
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(CashReceiptIssueFailed event) {
        SagaLifecycle.end();
    }

    /** A cancel of the payment cancels the receipt for the amount cancelled (all of it when nothing is left). */
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentCancelled event) {
        if (receiptKey == null || remaining <= 0) {
            return;
        }
        long amount = event.balanceAfter().amount() == 0 ? remaining
                : Math.min(event.cancelAmount().amount(), remaining);
        Money cancel = new Money(amount, event.cancelAmount().currency());
        OrderId order = event.orderId();
        if (issuedByToss) {
            // Toss cancels the receipt it issued with the payment's cancel: record what it did
            commands.send(new RecordCashReceiptCanceled(order, receiptKey, cancel, clock.instant()));
            return;
        }
        String key = receiptKey;
        String step = StepKeys.of("cash-receipt-cancel", orderId, event.cancelId());
        gateway.cancelCashReceipt(key, amount == remaining ? null : cancel, step)
                .thenCompose(outcome -> outcome instanceof CashReceiptOutcome.Unknown
                        ? gateway.cancelCashReceipt(key, amount == remaining ? null : cancel, step) : completed(outcome))
                .thenCompose(outcome -> {
                    if (outcome instanceof CashReceiptOutcome.Done) {
                        return commands.send(new RecordCashReceiptCanceled(order, key, cancel, clock.instant()));
                    }
                    log.error("cash receipt {} of order {} not cancelled for {} won: {}", key, orderId, amount, outcome);
                    return completed(null);
                })
                .exceptionally(failure -> {
                    log.error("cancel of the cash receipt of order {} not recorded", orderId, failure);
                    return null;
                });
    }

    @SagaEventHandler(associationProperty = "orderId")
    public void on(CashReceiptCanceled event) {
        remaining = event.remaining().amount();
        if (remaining <= 0) {
            SagaLifecycle.end();
        }
    }

    private static <T> CompletableFuture<T> completed(T value) {
        return CompletableFuture.completedFuture(value);
    }

    public String getOrderId() {
        return orderId;
    }

    public String getReceiptKey() {
        return receiptKey;
    }

    public boolean isIssuedByToss() {
        return issuedByToss;
    }

    public long getRemaining() {
        return remaining;
    }
}
