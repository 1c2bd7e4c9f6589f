package com.grow.payments.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /** Creates an authenticated session, as the buyer's window does when the card is authenticated. */
    PaymentRecord authorize(String orderId, String orderName, long amount, String outcome) {
        return atomically(() -> {
            List<PaymentRecord> attempts = byOrder.getOrDefault(orderId, List.of());
            for (PaymentRecord attempt : attempts) {
                attempt.expireIfDue(now(), expiredAccountStatus);
                if (attempt.status().wasApproved()) {
                    throw new TossApiException("DUPLICATED_ORDER_ID");
                }
            }
            PaymentRecord record = add(new PaymentRecord(newPaymentKey(), orderId, orderName, amount, now(), outcome));
            log.debug("authorized order {} amount {} outcome {}", orderId, amount, outcome == null ? "APPROVE" : outcome);
            return record;
        });
    }

    /**
     * Call with the lock held. Records a billing charge attempt; it stays IN_PROGRESS only until the
     * caller, still under the lock, approves or aborts it, so nobody ever sees it in between.
     */
    PaymentRecord addBillingCharge(String orderId, String orderName, long amount, long taxFreeAmount,
                                   PaymentRecord.CardProfile card, String outcome) {
        PaymentRecord record = add(new PaymentRecord(newPaymentKey(), PaymentType.BILLING, orderId, orderName, amount,
                taxFreeAmount, now(), outcome, card));
        log.debug("billing charge for order {} amount {} outcome {}", orderId, amount, outcome == null ? "APPROVE" : outcome);
        return record;
    }

    /** Call with the lock held. Records a virtual account just issued for the order (WAITING_FOR_DEPOSIT). */
    PaymentRecord addVirtualAccount(String orderId, String orderName, long amount, long taxFreeAmount,
                                    VirtualAccountRecord account) {
        PaymentRecord record = add(new PaymentRecord(newPaymentKey(), orderId, orderName, amount, taxFreeAmount, now(),
                account));
        log.debug("virtual account issued for order {} amount {}", orderId, amount);
        return record;
    }

    /** Call with the lock held. Whether the order has a virtual account the buyer can still pay into. */
    boolean orderAwaitsDeposit(String orderId) {
        List<PaymentRecord> attempts = byOrder.getOrDefault(orderId, List.of());
        attempts.forEach(this::refresh);
        return attempts.stream().anyMatch(PaymentRecord::awaitsDeposit);
    }

    /** Call with the lock held. Whether any attempt of the order already took the money. */
    boolean orderPaid(String orderId) {
        return byOrder.getOrDefault(orderId, List.of()).stream().anyMatch(attempt -> attempt.status().wasApproved());
    }

    /** Call with the lock held. Applies the 10-minute rule before anyone looks at the payment. */
    PaymentRecord byPaymentKey(String paymentKey) {
        PaymentRecord record = byKey.get(paymentKey);
        refresh(record);
        return record;
    }

    /** Call with the lock held. The newest attempt for the order. */
    PaymentRecord byOrderId(String orderId) {
        List<PaymentRecord> attempts = byOrder.get(orderId);
        if (attempts == null || attempts.isEmpty()) {
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

    /** Call with the lock held. Whether another attempt of the same order already took the money. */
    boolean orderPaidByAnother(PaymentRecord record) {
        return byOrder.getOrDefault(record.orderId(), List.of()).stream()
                .anyMatch(other -> other != record && other.status().wasApproved());
    }

    Optional<SandboxPayment> snapshotByOrderId(String orderId) {
        return atomically(() -> Optional.ofNullable(byOrderId(orderId)).map(PaymentRecord::snapshot));
    }

    Optional<SandboxPayment> snapshotByPaymentKey(String paymentKey) {
        return atomically(() -> Optional.ofNullable(byPaymentKey(paymentKey)).map(PaymentRecord::snapshot));
    }

    /** Call with the lock held after a state change, so observers (e.g. a future webhook sender) see it in order. */
    void changed(PaymentRecord record) {
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
