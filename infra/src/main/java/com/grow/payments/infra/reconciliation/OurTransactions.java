package com.grow.payments.infra.reconciliation;

import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentDepositReversed;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.payment.PaymentEvent;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.subscription.ChargeOrderIds;
import com.grow.payments.shared.subscription.SubscriptionCharged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Our side of a reconciliation, read from the event store itself (not a read model that may lag or
 * be rebuilt): the money events of the orders on a page of Toss's list, in one query per page, and
 * the period's money events that no item of the run accounts for.
 */
@Component
public class OurTransactions {

    /** The events that move money, as the ledger posts them; the checkout gives the expected amount. */
    static final List<Class<?>> MONEY_EVENTS = List.of(PaymentApproved.class, PaymentCancelled.class,
            PaymentDeposited.class, PaymentDepositReversed.class, PaymentCompensationStarted.class,
            PaymentCompensated.class, SubscriptionCharged.class);
    /** What a period is scanned for: the ones Toss lists under a key of their own, and subscription charges. */
    private static final List<Class<?>> LISTED = List.of(PaymentApproved.class, PaymentCancelled.class,
            PaymentDeposited.class, PaymentCompensated.class, SubscriptionCharged.class);
    private static final DateTimeFormatter STORED_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneId.of("UTC"));

    private final JdbcClient jdbc;
    private final Serializer serializer;

    public OurTransactions(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** What we recorded of each order, by order id (unknown orders too). */
    public Map<String, OurOrder> ofOrders(Collection<String> orderIds) {
        Set<String> streams = new LinkedHashSet<>();
        for (String orderId : orderIds) {
            streams.add(orderId);
            ChargeOrderIds.parse(orderId).ifPresent(cycle -> streams.add(cycle.subscriptionId()));
        }
        List<String> types = new ArrayList<>(MONEY_EVENTS.stream().map(Class::getName).toList());
        types.add(PaymentCheckedOut.class.getName());
        Map<String, Builder> builders = new HashMap<>();
        orderIds.forEach(orderId -> builders.put(orderId, new Builder(orderId)));
        jdbc.sql("""
                        SELECT payload_type, payload_revision, payload FROM domain_event_entry
                        WHERE aggregate_identifier = ANY(?) AND payload_type = ANY(?)
                        ORDER BY global_index""")
                .param(streams.toArray(String[]::new))
                .param(types.toArray(String[]::new))
                .query((rs, row) -> event(rs))
                .list()
                .forEach(event -> {
                    String orderId = orderOf(event);
                    Builder builder = builders.get(orderId);
                    if (builder != null) {
                        builder.add(event);
                    }
                });
        Map<String, OurOrder> orders = new HashMap<>();
        builders.forEach((orderId, builder) -> orders.put(orderId, builder.build()));
        return orders;
    }

    /**
     * Streams, one at a time, our money movements that happened in the Seoul-time period and that no
     * item of the run accounts for (Toss did not list them). Events are found by when they were
     * recorded (up to two days after the period, for answers that came late), then kept by when
     * they happened; read a thousand at a time.
     */
    public void unlisted(String runId, LocalDate from, LocalDate to, ZoneId zone, Consumer<OurTransaction> sink) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        long after = -1;
        while (true) {
            List<Object[]> page = jdbc.sql("""
                            SELECT e.global_index, e.payload_type, e.payload_revision, e.payload FROM domain_event_entry e
                            WHERE e.payload_type = ANY(?) AND e.time_stamp >= ? AND e.time_stamp < ? AND e.global_index > ?
                              AND NOT EXISTS (SELECT 1 FROM reconciliation_item i WHERE i.run_id = ?
                                    AND (i.item_key = convert_from(e.payload, 'UTF8')::jsonb ->> 'transactionKey'
                                         OR (i.kind = 'APPROVAL' AND e.payload_type <> ? AND e.payload_type <> ?
                                             AND i.payment_key = convert_from(e.payload, 'UTF8')::jsonb ->> 'paymentKey')))
                            ORDER BY e.global_index LIMIT 1000""")
                    .param(LISTED.stream().map(Class::getName).toArray(String[]::new))
                    .param(STORED_SECOND.format(start))
                    .param(STORED_SECOND.format(end.plus(Duration.ofDays(2))))
                    .param(after)
                    .param(runId)
                    .param(PaymentCancelled.class.getName())
                    .param(PaymentCompensated.class.getName())
                    .query((rs, row) -> new Object[] {rs.getLong("global_index"), event(rs)})
                    .list();
            if (page.isEmpty()) {
                return;
            }
            for (Object[] row : page) {
                OurTransaction tx = movement(row[1]);
                if (tx != null && !tx.at().isBefore(start) && tx.at().isBefore(end)) {
                    sink.accept(tx);
                }
            }
            after = (Long) page.get(page.size() - 1)[0];
        }
    }

    private Object event(ResultSet rs) throws SQLException {
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(rs.getBytes("payload"), byte[].class,
                rs.getString("payload_type"), rs.getString("payload_revision"));
        return serializer.deserialize(serialized);
    }

    private static String orderOf(Object event) {
        if (event instanceof PaymentEvent payment) {
            return payment.orderId().value();
        }
        return event instanceof SubscriptionCharged charged ? charged.orderId() : null;
    }

    /** The movement Toss lists for the event, if any (null for events that move no money at Toss). */
    static OurTransaction movement(Object event) {
        if (event instanceof PaymentApproved e) {
            return new OurTransaction(e.orderId().value(), e.paymentKey().value(), e.transactionKey(), ItemKind.APPROVAL,
                    e.approvedAmount().amount(), e.approvedAt());
        }
        if (event instanceof PaymentDeposited e) {
            return new OurTransaction(e.orderId().value(), e.paymentKey().value(), e.transactionKey(), ItemKind.APPROVAL,
                    e.amount().amount(), e.depositedAt());
        }
        if (event instanceof PaymentCancelled e && e.transactionKey() != null && e.cancelAmount().isPositive()) {
            return new OurTransaction(e.orderId().value(), null, e.transactionKey(), ItemKind.CANCEL,
                    e.cancelAmount().amount(), e.canceledAt());
        }
        if (event instanceof PaymentCompensated e && e.transactionKey() != null) {
            return new OurTransaction(e.orderId().value(), null, e.transactionKey(), ItemKind.CANCEL,
                    e.refundedAmount().amount(), e.canceledAt());
        }
        if (event instanceof SubscriptionCharged e) {
            return new OurTransaction(e.orderId(), e.paymentKey(), null, ItemKind.APPROVAL, e.amount().amount(),
                    e.chargedAt());
        }
        return null;
    }

    /** Folds an order's events into what we recorded of it. */
    private static final class Builder {
        private final String orderId;
        private final List<OurTransaction> transactions = new ArrayList<>();
        private boolean known;
        private Long expected;
        private String paymentKey;
        private PaymentStatus status = PaymentStatus.READY;

        Builder(String orderId) {
            this.orderId = orderId;
        }

        void add(Object event) {
            known = true;
            if (event instanceof PaymentCheckedOut e) {
                expected = e.amount().amount();
                return;
            }
            OurTransaction tx = movement(event);
            if (event instanceof PaymentApproved e) {
                paymentKey = e.paymentKey().value();
            } else if (event instanceof PaymentDeposited e) {
                paymentKey = e.paymentKey().value();
            } else if (event instanceof PaymentCompensationStarted e) {
                // Toss took the money under its own approval: that is the approval it lists
                paymentKey = e.paymentKey().value();
                tx = new OurTransaction(orderId, paymentKey, null, ItemKind.APPROVAL, e.approvedAmount().amount(), null);
            } else if (event instanceof PaymentDepositReversed e) {
                long deposited = transactions.stream().filter(t -> t.kind() == ItemKind.APPROVAL)
                        .mapToLong(OurTransaction::amount).reduce((first, last) -> last).orElse(0);
                tx = new OurTransaction(orderId, e.paymentKey().value(), null, ItemKind.CANCEL, deposited, null);
            }
            if (tx == null) {
                return;
            }
            if (tx.paymentKey() == null) {
                tx = new OurTransaction(tx.orderId(), paymentKey, tx.transactionKey(), tx.kind(), tx.amount(), tx.at());
            }
            transactions.add(tx);
            status = statusAfter(event, status);
        }

        private static PaymentStatus statusAfter(Object event, PaymentStatus before) {
            if (event instanceof PaymentCancelled e) {
                return e.balanceAfter().isPositive() ? PaymentStatus.PARTIAL_CANCELED : PaymentStatus.CANCELED;
            }
            if (event instanceof PaymentCompensated) {
                return PaymentStatus.CANCELED;
            }
            if (event instanceof PaymentDepositReversed) {
                return PaymentStatus.WAITING_FOR_DEPOSIT;
            }
            return event instanceof PaymentCompensationStarted ? before : PaymentStatus.DONE;
        }

        OurOrder build() {
            return new OurOrder(orderId, known, expected, known ? status.name() : null, List.copyOf(transactions));
        }
    }
}
