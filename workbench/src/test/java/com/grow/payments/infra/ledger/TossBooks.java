package com.grow.payments.infra.ledger;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.CardSummary;
import com.grow.payments.shared.payment.PaymentCancelRequested;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PaymentView;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import com.grow.payments.shared.subscription.SubscriptionChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import com.grow.payments.shared.subscription.SubscriptionCharged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Toss's books as the property test keeps them, beside what the service recorded: for each order,
 * Toss's status, balance and the money it actually holds; for each subscription, its events.
 */
final class TossBooks {

    static final CardSummary CARD = new CardSummary("11", "41", "433012******1234", "신용", 0, "00000000");

    private TossBooks() {
    }

    /** Toss's books for one order, and the order's events as the service recorded them. */
    static final class Order {
        final OrderId orderId;
        final boolean virtualAccount;
        final long amount;
        final PaymentKey key;
        final List<Object> events = new ArrayList<>();
        /** Toss's status; null while Toss has no payment for the order. */
        String status;
        boolean decided;
        long total;
        long balance;
        /** The money Toss actually holds for the order. */
        long held;
        Instant approvedAt;
        String lastTransactionKey;
        final List<PgCancel> cancels = new ArrayList<>();
        final Map<String, PgCancel> doneCancels = new LinkedHashMap<>();
        final Set<String> answeredCancels = new HashSet<>();
        PgCancel compensationRefund;

        Order(OrderId orderId, boolean virtualAccount, long amount) {
            this.orderId = orderId;
            this.virtualAccount = virtualAccount;
            this.amount = amount;
            this.key = new PaymentKey("tkey_" + orderId.value());
        }

        PaymentView view() {
            return PaymentView.fold(events);
        }

        /** Something can still happen to the order (it is not settled for good). */
        boolean open() {
            PaymentView view = view();
            return view != null && (compensating() || pendingCancelId() != null || !Set.of(PaymentStatus.CANCELED,
                    PaymentStatus.ABORTED, PaymentStatus.EXPIRED).contains(view.status()));
        }

        boolean compensating() {
            return events.stream().anyMatch(PaymentCompensationStarted.class::isInstance)
                    && events.stream().noneMatch(PaymentCompensated.class::isInstance);
        }

        String pendingCancelId() {
            String pending = null;
            for (Object event : events) {
                if (event instanceof PaymentCancelRequested requested) {
                    pending = requested.cancelId();
                }
            }
            return view().cancelInProgress() ? pending : null;
        }

        long pendingCancelAmount() {
            return events.stream().filter(PaymentCancelRequested.class::isInstance).map(PaymentCancelRequested.class::cast)
                    .reduce((first, last) -> last).orElseThrow().cancelAmount().amount();
        }

        PgPayment pg() {
            if (status == null) {
                return null;
            }
            return new PgPayment(key, orderId, status, Money.won(total), Money.won(balance),
                    virtualAccount ? "가상계좌" : "카드", virtualAccount ? null : CARD, "https://receipt.example/"
                    + orderId, lastTransactionKey, approvedAt, cancels, null,
                    virtualAccount ? new PgPayment.PgVirtualAccount("20", "X" + orderId.value().substring(4, 16),
                            Instant.now().plus(Duration.ofDays(1))) : null,
                    virtualAccount ? "secret-hash" : null);
        }
    }

    /** A subscription and what Toss holds for each of its charge orders. */
    static final class Subscription {
        final String subscriptionId;
        final List<Object> events = new ArrayList<>();

        Subscription(String subscriptionId) {
            this.subscriptionId = subscriptionId;
        }

        SubscriptionChargeRequested inFlight() {
            SubscriptionChargeRequested requested = null;
            for (Object event : events) {
                if (event instanceof SubscriptionChargeRequested r) {
                    requested = r;
                } else if (event instanceof SubscriptionCharged || event instanceof SubscriptionChargeFailed) {
                    requested = null;
                }
            }
            return requested;
        }
    }
}
