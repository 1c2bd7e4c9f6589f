package com.grow.payments.shared.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.grow.payments.shared.cashreceipt.CashReceiptView;
import com.grow.payments.shared.merchant.Merchants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A payment as callers see it (the README's API walk-through), folded from its events: {@code merchant}
 * is the Toss merchant it was made at, {@code taxFreeAmount} the tax-free part not yet refunded (as
 * Toss's own field). The projection and the
 * command side's immediate answers both fold with {@link #apply}, so they cannot disagree.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(
        String orderId,
        String paymentKey,
        String memberId,
        String orderName,
        String method,
        PaymentStatus status,
        long totalAmount,
        long balanceAmount,
        String currency,
        Instant requestedAt,
        Instant approvedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<CancelView> cancels,
        VirtualAccountView virtualAccount,
        Failure failure,
        CardSummary card,
        String receiptUrl,
        boolean cancelInProgress,
        boolean needsAttention,
        CashReceiptView cashReceipt,
        String merchant,
        long taxFreeAmount) {

    public PaymentView {
        cancels = cancels == null ? List.of() : List.copyOf(cancels);
        // views stored before merchants existed are of the default merchant
        merchant = merchant == null ? Merchants.DEFAULT : merchant;
    }

    /** A view with no cash receipt: {@link #apply} carries the receipt over from the view before. */
    public PaymentView(String orderId, String paymentKey, String memberId, String orderName, String method,
                       PaymentStatus status, long totalAmount, long balanceAmount, String currency,
                       Instant requestedAt, Instant approvedAt, List<CancelView> cancels,
                       VirtualAccountView virtualAccount, Failure failure, CardSummary card, String receiptUrl,
                       boolean cancelInProgress, boolean needsAttention) {
        this(orderId, paymentKey, memberId, orderName, method, status, totalAmount, balanceAmount, currency,
                requestedAt, approvedAt, cancels, virtualAccount, failure, card, receiptUrl, cancelInProgress,
                needsAttention, null, null, 0);
    }

    /** A view with no cash receipt, at its merchant, with the tax-free part not yet refunded. */
    public PaymentView(String orderId, String paymentKey, String memberId, String orderName, String method,
                       PaymentStatus status, long totalAmount, long balanceAmount, String currency,
                       Instant requestedAt, Instant approvedAt, List<CancelView> cancels,
                       VirtualAccountView virtualAccount, Failure failure, CardSummary card, String receiptUrl,
                       boolean cancelInProgress, boolean needsAttention, String merchant, long taxFreeAmount) {
        this(orderId, paymentKey, memberId, orderName, method, status, totalAmount, balanceAmount, currency,
                requestedAt, approvedAt, cancels, virtualAccount, failure, card, receiptUrl, cancelInProgress,
                needsAttention, null, merchant, taxFreeAmount);
    }

    /** One cancel recorded on the payment, with its tax-free part. */
    public record CancelView(String transactionKey, long cancelAmount, String cancelReason, Instant canceledAt,
                             long taxFreeAmount) {

        public CancelView(String transactionKey, long cancelAmount, String cancelReason, Instant canceledAt) {
            this(transactionKey, cancelAmount, cancelReason, canceledAt, 0);
        }
    }

    /** The account a buyer deposits into, for virtual-account payments. */
    public record VirtualAccountView(String bank, String accountNumber, Instant dueDate) {
    }

    public static PaymentView checkedOut(PaymentCheckedOut e) {
        return new PaymentView(e.orderId().value(), null, e.memberId().value(), e.orderName(), null,
                PaymentEventStatus.after(e, null), e.amount().amount(), e.amount().amount(), e.amount().currency().name(),
                e.requestedAt(), null, List.of(), null, null, null, null, false, false, e.merchant(),
                e.taxFreeAmount() == null ? 0 : e.taxFreeAmount().amount());
    }

    /** Folds a list of one payment's events, oldest first, starting with its checkout. */
    public static PaymentView fold(List<?> events) {
        PaymentView view = null;
        for (Object event : events) {
            view = view == null ? checkedOut((PaymentCheckedOut) event) : view.apply(event);
        }
        return view;
    }

    /** The view after one more event; events that do not change the view leave it as it is. */
    public PaymentView apply(Object event) {
        PaymentView next = CashReceiptView.isAbout(event) ? this : applyPaymentEvent(event);
        CashReceiptView receipt = CashReceiptView.after(cashReceipt, event);
        return next.cashReceipt == receipt ? next : next.withCashReceipt(receipt);
    }

    private PaymentView withCashReceipt(CashReceiptView receipt) {
        return new PaymentView(orderId, paymentKey, memberId, orderName, method, status, totalAmount, balanceAmount,
                currency, requestedAt, approvedAt, cancels, virtualAccount, failure, card, receiptUrl, cancelInProgress,
                needsAttention, receipt, merchant, taxFreeAmount);
    }

    private PaymentView applyPaymentEvent(Object event) {
        PaymentStatus next = PaymentEventStatus.after(event, status);
        if (event instanceof PaymentConfirmationRequested e) {
            return withStatus(next, e.paymentKey().value(), null);
        }
        if (event instanceof PaymentApproved e) {
            return new PaymentView(orderId, e.paymentKey().value(), memberId, orderName, e.method(),
                    next, e.approvedAmount().amount(), e.approvedAmount().amount(), currency,
                    requestedAt, e.approvedAt(), cancels, virtualAccount, null, e.card(), e.receiptUrl(), cancelInProgress,
                    false, merchant, taxFreeAmount);
        }
        if (event instanceof PaymentDeclined e) {
            return withStatus(next, e.paymentKey() == null ? paymentKey : e.paymentKey().value(),
                    e.failure());
        }
        if (event instanceof VirtualAccountRequested) {
            return withStatus(next, paymentKey, null);
        }
        if (event instanceof VirtualAccountIssued e) {
            return new PaymentView(orderId, e.paymentKey().value(), memberId, orderName,
                    PgPaymentMethod.VIRTUAL_ACCOUNT.tossName(),
                    next, totalAmount, balanceAmount, currency, requestedAt, null, cancels,
                    new VirtualAccountView(e.bank(), e.accountNumber(), e.dueDate()), null, card, receiptUrl,
                    cancelInProgress, false, merchant, taxFreeAmount);
        }
        if (event instanceof PaymentDeposited e) {
            return new PaymentView(orderId, paymentKey, memberId, orderName, method, next, totalAmount,
                    e.amount().amount(), currency, requestedAt, e.depositedAt(), cancels, virtualAccount, null, card,
                    receiptUrl, cancelInProgress, false, merchant, taxFreeAmount);
        }
        if (event instanceof PaymentDepositReversed) {
            return new PaymentView(orderId, paymentKey, memberId, orderName, method, next,
                    totalAmount, totalAmount, currency, requestedAt, null, cancels, virtualAccount, null, card,
                    receiptUrl, cancelInProgress, false, merchant, taxFreeAmount);
        }
        if (event instanceof PaymentExpired e) {
            return withStatus(next, e.paymentKey() == null ? paymentKey : e.paymentKey().value(),
                    e.failure());
        }
        if (event instanceof PaymentOutcomeUnknown e) {
            return withStatus(next, e.paymentKey() == null ? paymentKey : e.paymentKey().value(), null);
        }
        if (event instanceof PaymentCancelled e) {
            long taxFreePart = e.taxFreeAmount() == null ? 0 : e.taxFreeAmount().amount();
            return withCancel(next, new CancelView(e.transactionKey(), e.cancelAmount().amount(), e.cancelReason(),
                    e.canceledAt(), taxFreePart), e.balanceAfter().amount())
                    .withTaxFree(Math.max(0, taxFreeAmount - taxFreePart));
        }
        if (event instanceof PaymentCancelRequested) {
            return withFlags(true, needsAttention);
        }
        if (event instanceof PaymentCancelRefused) {
            return withFlags(false, false);
        }
        if (event instanceof PaymentNeedsAttention) {
            return withFlags(cancelInProgress, true);
        }
        if (event instanceof PaymentAttentionResolved) {
            return withFlags(cancelInProgress, false);
        }
        if (event instanceof PaymentCompensationStarted e) {
            return withStatus(next, e.paymentKey().value(), null);
        }
        if (event instanceof PaymentCompensated e) {
            return withCancel(next, new CancelView(e.transactionKey(), e.refundedAmount().amount(),
                    e.reason(), e.canceledAt(), taxFreeAmount), 0).withTaxFree(0);
        }
        return this;
    }

    private PaymentView withCancel(PaymentStatus to, CancelView cancel, long balance) {
        List<CancelView> more = new ArrayList<>(cancels);
        more.add(cancel);
        return new PaymentView(orderId, paymentKey, memberId, orderName, method, to, totalAmount, balance,
                currency, requestedAt, approvedAt, more, virtualAccount, failure, card, receiptUrl, false, false, merchant, taxFreeAmount);
    }

    private PaymentView withTaxFree(long left) {
        return new PaymentView(orderId, paymentKey, memberId, orderName, method, status, totalAmount, balanceAmount,
                currency, requestedAt, approvedAt, cancels, virtualAccount, failure, card, receiptUrl, cancelInProgress,
                needsAttention, merchant, left);
    }

    private PaymentView withStatus(PaymentStatus to, String key, Failure nextFailure) {
        return new PaymentView(orderId, key, memberId, orderName, method, to, totalAmount, balanceAmount,
                currency, requestedAt, approvedAt, cancels, virtualAccount, nextFailure, card, receiptUrl,
                cancelInProgress, needsAttention && !to.isSettled(), merchant, taxFreeAmount);
    }

    private PaymentView withFlags(boolean cancelling, boolean attention) {
        return new PaymentView(orderId, paymentKey, memberId, orderName, method, status, totalAmount, balanceAmount,
                currency, requestedAt, approvedAt, cancels, virtualAccount, failure, card, receiptUrl, cancelling,
                attention, merchant, taxFreeAmount);
    }
}
