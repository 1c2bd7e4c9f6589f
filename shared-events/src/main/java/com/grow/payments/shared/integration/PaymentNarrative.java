package com.grow.payments.shared.integration;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentConfirmationRequested;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentDepositReversed;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PgPaymentMethod;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import java.time.Instant;
import java.util.Optional;

/**
 * One payment as the published language tells it. {@code paid} is what the member has paid and
 * not been refunded, so that a consumer adding approvals and deposits and subtracting cancels
 * and reversals always holds what the service holds.
 *
 * @param failureTold a PaymentFailed or VirtualAccountExpired was already published for it
 */
public record PaymentNarrative(String memberId, String orderName, Money amount, String paymentKey, String method,
                               boolean accountIssued, Instant dueDate, long paid, boolean failureTold)
        implements Narrative<PaymentNarrative> {

    static final PaymentNarrative EMPTY = new PaymentNarrative(null, null, null, null, null, false, null, 0, false);

    private static final String CARD_OR_EASY_PAY = PgPaymentMethod.CARD.tossName();
    private static final String VIRTUAL_ACCOUNT = PgPaymentMethod.VIRTUAL_ACCOUNT.tossName();

    @Override
    public Optional<PaymentsV1.Data> tell(Object event, Instant at) {
        if (event instanceof PaymentApproved e) {
            return Optional.of(new PaymentsV1.PaymentApproved(orderId(e.orderId()), memberId, orderName,
                    key(e.paymentKey()), e.method(), e.approvedAmount().amount(), currency(e.approvedAmount()), PaymentStatus.DONE.name(),
                    e.approvedAt(), e.receiptUrl()));
        }
        if (event instanceof PaymentDeclined e) {
            return Optional.of(failed(orderId(e.orderId()), keyOr(e.paymentKey()), PaymentStatus.ABORTED.name(), e.failure().code(),
                    e.failure().message(), 0, at));
        }
        if (event instanceof PaymentExpired e) {
            if (accountIssued && paid == 0) {
                return Optional.of(new PaymentsV1.VirtualAccountExpired(orderId(e.orderId()), memberId, orderName,
                        keyOr(e.paymentKey()), amount.amount(), currency(amount), PaymentStatus.EXPIRED.name(), dueDate, at));
            }
            return Optional.of(failed(orderId(e.orderId()), keyOr(e.paymentKey()), PaymentStatus.EXPIRED.name(), e.failure().code(),
                    e.failure().message(), 0, at));
        }
        if (event instanceof PaymentCompensated e) {
            // a payment already told as failed stays failed: its late approval was simply refunded
            return failureTold ? Optional.empty() : Optional.of(failed(orderId(e.orderId()), paymentKey, PaymentStatus.CANCELED.name(),
                    e.reason(), "Toss approved the payment but it could not stand; the approval was refunded in full",
                    e.refundedAmount().amount(), at));
        }
        if (event instanceof VirtualAccountIssued e) {
            return Optional.of(new PaymentsV1.VirtualAccountIssued(orderId(e.orderId()), memberId, orderName,
                    key(e.paymentKey()), amount.amount(), currency(amount), PaymentStatus.WAITING_FOR_DEPOSIT.name(), e.bank(),
                    e.accountNumber(), e.dueDate()));
        }
        if (event instanceof PaymentDeposited e) {
            return Optional.of(new PaymentsV1.VirtualAccountDeposited(orderId(e.orderId()), memberId, orderName,
                    keyOr(e.paymentKey()), e.amount().amount(), currency(e.amount()), PaymentStatus.DONE.name(), e.depositedAt()));
        }
        if (event instanceof PaymentDepositReversed e) {
            return Optional.of(new PaymentsV1.VirtualAccountDepositReversed(orderId(e.orderId()), memberId, orderName,
                    keyOr(e.paymentKey()), paid, currency(amount), PaymentStatus.WAITING_FOR_DEPOSIT.name(), e.reason(), at));
        }
        if (event instanceof PaymentCancelled e) {
            long refunded = Math.min(paid, e.cancelAmount().amount());
            String status = e.balanceAfter().amount() == 0 ? PaymentStatus.CANCELED.name() : PaymentStatus.PARTIAL_CANCELED.name();
            return Optional.of(new PaymentsV1.PaymentCanceled(orderId(e.orderId()), memberId, orderName, paymentKey,
                    refunded, amount.amount(), e.balanceAfter().amount(), currency(e.cancelAmount()), status,
                    e.cancelReason(), e.canceledAt(), e.transactionKey()));
        }
        return CashReceiptNarration.tell(memberId, event);
    }

    @Override
    public PaymentNarrative apply(Object event) {
        if (event instanceof PaymentCheckedOut e) {
            return new PaymentNarrative(e.memberId().value(), e.orderName(), e.amount(), null, null, false, null, 0,
                    false);
        }
        if (event instanceof PaymentConfirmationRequested e) {
            return withPayment(key(e.paymentKey()), CARD_OR_EASY_PAY, paid, failureTold);
        }
        if (event instanceof PaymentApproved e) {
            return new PaymentNarrative(memberId, orderName, e.approvedAmount(), key(e.paymentKey()), e.method(),
                    accountIssued, dueDate, e.approvedAmount().amount(), failureTold);
        }
        if (event instanceof VirtualAccountIssued e) {
            return new PaymentNarrative(memberId, orderName, amount, key(e.paymentKey()), VIRTUAL_ACCOUNT, true,
                    e.dueDate(), paid, failureTold);
        }
        if (event instanceof PaymentDeposited e) {
            return withPayment(keyOr(e.paymentKey()), method, e.amount().amount(), failureTold);
        }
        if (event instanceof PaymentDepositReversed) {
            return withPayment(paymentKey, method, 0, failureTold);
        }
        if (event instanceof PaymentCancelled e) {
            return withPayment(paymentKey, method, Math.max(0, paid - e.cancelAmount().amount()), failureTold);
        }
        if (event instanceof PaymentDeclined || event instanceof PaymentExpired) {
            return withPayment(paymentKey, method, paid, true);
        }
        if (event instanceof PaymentCompensated) {
            return withPayment(paymentKey, method, 0, true);
        }
        return this;
    }

    private PaymentNarrative withPayment(String key, String method, long paid, boolean failureTold) {
        return new PaymentNarrative(memberId, orderName, amount, key, method, accountIssued, dueDate, paid, failureTold);
    }

    private PaymentsV1.PaymentFailed failed(String orderId, String key, String status, String code, String message,
                                            long refunded, Instant at) {
        return new PaymentsV1.PaymentFailed(orderId, memberId, orderName, key, amount.amount(), currency(amount),
                status, code, message, refunded, at);
    }

    private String keyOr(PaymentKey key) {
        return key == null ? paymentKey : key.value();
    }

    private static String key(PaymentKey key) {
        return key == null ? null : key.value();
    }

    private static String orderId(OrderId orderId) {
        return orderId.value();
    }

    private static String currency(Money money) {
        return money.currency().name();
    }
}
