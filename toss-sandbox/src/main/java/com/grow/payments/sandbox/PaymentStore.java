package com.grow.payments.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All sandbox payments, in memory. One lock guards everything: operations are microseconds long,
 * and a single lock makes "at most one approval per order" trivially true under concurrency.
 */
final class PaymentStore {

    private static final Logger log = LoggerFactory.getLogger(PaymentStore.class);

    private final Clock clock;
    private final PaymentStatus expiredAccountStatus;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PaymentRecord> byKey = new HashMap<>();
    // An order may be authorized again after an abort or expiry; the newest attempt is last.
    private final Map<String, List<PaymentRecord>> byOrder = new HashMap<>();
    private final List<Consumer<SandboxPayment>> listeners = new CopyOnWriteArrayList<>();
    // Every approval and cancel in the order they happened, for GET /v1/transactions and /v1/settlements.
    private final List<SandboxTransaction> transactions = new ArrayList<>();
    private final Map<String, SandboxTransaction> transactionsByKey = new HashMap<>();

    /** @param expiredAccountStatus what a virtual account past its due date shows (see SandboxConfig) */
    PaymentStore(Clock clock, PaymentStatus expiredAccountStatus) {
        this.clock = clock;
        this.expiredAccountStatus = expiredAccountStatus;
    }

    Instant now() {
        return clock.instant();
    }

    /** Runs a read-modify-write over the store without interleaving with any other. */
    <T> T atomically(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Creates an authenticated session, as the buyer's window does when the card is authenticated.
     * {@code mid} null leaves it to the first merchant that confirms it.
     */
    PaymentRecord authorize(String mid, String orderId, String orderName, long amount, long taxFreeAmount,
                            String outcome) {
        return atomically(() -> {
            List<PaymentRecord> attempts = byOrder.getOrDefault(orderId, List.of());
            for (PaymentRecord attempt : attempts) {
                attempt.expireIfDue(now(), expiredAccountStatus);
                if (attempt.status().wasApproved() && attempt.visibleTo(mid)) {
                    throw new TossApiException("DUPLICATED_ORDER_ID");
                }
            }
            PaymentRecord record = add(new PaymentRecord(mid, newPaymentKey(), orderId, orderName, amount,
                    taxFreeAmount, now(), outcome));
            log.debug("authorized order {} amount {} outcome {}", orderId, amount, outcome == null ? "APPROVE" : outcome);
            return record;
        });
    }

    /**
     * Call with the lock held. Records a billing charge attempt; it stays IN_PROGRESS only until the
     * caller, still under the lock, approves or aborts it, so nobody ever sees it in between.
     */
    PaymentRecord addBillingCharge(String mid, String customerKey, String orderId, String orderName, long amount,
                                   long taxFreeAmount, PaymentRecord.CardProfile card, String outcome) {
        PaymentRecord record = add(new PaymentRecord(mid, newPaymentKey(), PaymentType.BILLING, orderId, orderName,
                amount, taxFreeAmount, now(), outcome, card));
        record.customerKey(customerKey);
        log.debug("billing charge for order {} amount {} outcome {}", orderId, amount, outcome == null ? "APPROVE" : outcome);
        return record;
    }

    /**
     * Call with the lock held. Records an approved card payment the merchant's server never confirmed: what
     * Toss holds after a payment the service lost track of, or made by another client of the same merchant.
     */
    PaymentRecord addStrayPayment(String mid, String orderId, String orderName, long amount, long taxFreeAmount) {
        if (orderPaid(mid, orderId)) {
            throw new TossApiException("DUPLICATED_ORDER_ID");
        }
        PaymentRecord record = add(new PaymentRecord(mid, newPaymentKey(), orderId, orderName, amount, taxFreeAmount,
                now(), (String) null));
        record.approve(now());
        changed(record);
        return record;
    }

    /** Call with the lock held. Records a virtual account just issued for the order (WAITING_FOR_DEPOSIT). */
    PaymentRecord addVirtualAccount(String mid, String orderId, String orderName, long amount, long taxFreeAmount,
                                    VirtualAccountRecord account) {
        PaymentRecord record = add(new PaymentRecord(mid, newPaymentKey(), orderId, orderName, amount, taxFreeAmount,
                now(), account));
        log.debug("virtual account issued for order {} amount {}", orderId, amount);
        return record;
    }

    /** Call with the lock held. Whether the merchant's order has a virtual account the buyer can still pay into. */
    boolean orderAwaitsDeposit(String mid, String orderId) {
        List<PaymentRecord> attempts = attempts(mid, orderId);
        attempts.forEach(this::refresh);
        return attempts.stream().anyMatch(PaymentRecord::awaitsDeposit);
    }

    /** Call with the lock held. Whether any attempt of the merchant's order already took the money. */
    boolean orderPaid(String mid, String orderId) {
        return attempts(mid, orderId).stream().anyMatch(attempt -> attempt.status().wasApproved());
    }

    /** Call with the lock held. Any merchant's payment (the sandbox's own calls). */
    PaymentRecord byPaymentKey(String paymentKey) {
        return byPaymentKey(null, paymentKey);
    }

    /**
     * Call with the lock held. Applies the 10-minute rule before anyone looks at the payment. Another merchant's
     * payment is not there for {@code mid} (null: any merchant), as at Toss.
     */
    PaymentRecord byPaymentKey(String mid, String paymentKey) {
        PaymentRecord record = byKey.get(paymentKey);
        if (record == null || !record.visibleTo(mid)) {
            return null;
        }
        refresh(record);
        return record;
    }

    /** Call with the lock held. Any merchant's order (the sandbox's own calls). */
    PaymentRecord byOrderId(String orderId) {
        return byOrderId(null, orderId);
    }

    /** Call with the lock held. The merchant's newest attempt for the order (null mid: any merchant's). */
    PaymentRecord byOrderId(String mid, String orderId) {
        List<PaymentRecord> attempts = attempts(mid, orderId);
        if (attempts.isEmpty()) {
            return null;
        }
        // An approved attempt wins over a later abandoned one: it is the order's payment.
        PaymentRecord chosen = attempts.get(attempts.size() - 1);
        for (PaymentRecord attempt : attempts) {
            refresh(attempt);
            if (attempt.status().wasApproved()) {
                chosen = attempt;
            }
        }
        return chosen;
    }

    /** Call with the lock held. Whether another attempt of the same merchant's order already took the money. */
    boolean orderPaidByAnother(PaymentRecord record) {
        return attempts(record.mid(), record.orderId()).stream()
                .anyMatch(other -> other != record && other.status().wasApproved());
    }

    /**
     * Call with the lock held. The merchant's transactions (null: every merchant's) in the order they happened,
     * for the list and the settlements.
     */
    List<SandboxTransaction> transactions(String mid) {
        return transactions.stream().filter(tx -> mid == null || mid.equals(tx.mid())).toList();
    }

    /** Call with the lock held. The transaction with this key, or null. */
    SandboxTransaction transaction(String transactionKey) {
        return transactionKey == null ? null : transactionsByKey.get(transactionKey);
    }

    private List<PaymentRecord> attempts(String mid, String orderId) {
        List<PaymentRecord> all = byOrder.getOrDefault(orderId, List.of());
        return mid == null ? all : all.stream().filter(attempt -> attempt.visibleTo(mid)).toList();
    }

    Optional<SandboxPayment> snapshotByOrderId(String orderId) {
        return atomically(() -> Optional.ofNullable(byOrderId(orderId)).map(PaymentRecord::snapshot));
    }

    Optional<SandboxPayment> snapshotByPaymentKey(String paymentKey) {
        return atomically(() -> Optional.ofNullable(byPaymentKey(paymentKey)).map(PaymentRecord::snapshot));
    }

    /** Call with the lock held after a state change, so observers (e.g. a future webhook sender) see it in order. */
    void changed(PaymentRecord record) {
        for (SandboxTransaction transaction : record.drainTransactions()) {
            SandboxTransaction listed = transaction.withSequence(transactions.size() + 1L);
            transactions.add(listed);
            transactionsByKey.put(listed.transactionKey(), listed);
        }
        if (listeners.isEmpty()) {
            return;
        }
        SandboxPayment snapshot = record.snapshot();
        for (Consumer<SandboxPayment> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                log.warn("payment listener failed for order {}", snapshot.orderId(), e);
            }
        }
    }

    void addListener(Consumer<SandboxPayment> listener) {
        listeners.add(listener);
    }

    void clear() {
        atomically(() -> {
            byKey.clear();
            byOrder.clear();
            transactions.clear();
            transactionsByKey.clear();
            return null;
        });
    }

    private String newPaymentKey() {
        String paymentKey;
        do {
            paymentKey = TossFormats.paymentKey(now());
        } while (byKey.containsKey(paymentKey));
        return paymentKey;
    }

    private PaymentRecord add(PaymentRecord record) {
        byKey.put(record.paymentKey(), record);
        byOrder.computeIfAbsent(record.orderId(), id -> new ArrayList<>()).add(record);
        return record;
    }

    private void refresh(PaymentRecord record) {
        if (record != null && record.expireIfDue(now(), expiredAccountStatus)) {
            changed(record);
        }
    }
}
