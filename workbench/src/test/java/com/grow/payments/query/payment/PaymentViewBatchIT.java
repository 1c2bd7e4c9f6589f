package com.grow.payments.query.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.query.support.ReadModelJson;
import com.grow.payments.query.support.ReadModelStore;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.CardSummary;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCancelRefused;
import com.grow.payments.shared.payment.PaymentCancelRequested;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentConfirmationRequested;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentDepositReversed;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.payment.PaymentEvent;
import com.grow.payments.shared.payment.PaymentNeedsAttention;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PaymentView;
import com.grow.payments.shared.payment.RefundAccount;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import com.grow.payments.shared.payment.VirtualAccountRequested;
import com.grow.payments.workbench.EmbeddedServers;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment_view rows a projection batch writes, on a real PostgreSQL database of this test's
 * own (the read-model migrations applied, nothing else running on it). Events are delivered as the
 * payment-history processor delivers them: with the sequence number and timestamp of each, at
 * least once, in batches or one by one.
 */
class PaymentViewBatchIT {

    private static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");
    private static final MemberId MEMBER = new MemberId("member-batch");
    private static final CardSummary CARD = new CardSummary("61", "31", "5570********1234", "신용", 0, "00000000");

    private static ReadModelStore store;
    private static PaymentViewRepository views;

    @BeforeAll
    static void database() {
        String name = "payment_view_batch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(EmbeddedServers.newPostgresDatabase(name),
                "postgres", "postgres");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/readmodel/postgresql")
                .table("read_model_schema_history").load().migrate();
        store = new ReadModelStore(dataSource, ReadModelStore.Vendor.POSTGRESQL,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        views = new PaymentViewRepository(store, new ReadModelJson());
    }

    // ---- one event as the processor hands it over -----------------------------------------------

    /** An event with the sequence number it has in its order's stream; its timestamp follows from it. */
    record Delivery(long sequence, Object event) {

        Instant at() {
            return T0.plusSeconds(sequence);
        }

        @Override
        public String toString() {
            return sequence + ":" + event.getClass().getSimpleName();
        }
    }

    /** What {@link PaymentHistoryProjection} does with one event. */
    private static void deliver(PaymentViewBatch batch, Delivery delivery) {
        if (delivery.event() instanceof PaymentCheckedOut checkout) {
            batch.checkedOut(PaymentView.checkedOut(checkout), delivery.sequence(), delivery.at());
        } else {
            PaymentEvent event = (PaymentEvent) delivery.event();
            batch.apply(event.orderId().value(), delivery.sequence(), delivery.at(), view -> view.apply(event));
        }
    }

    /**
     * Every delivery in one batch, opened as the projection opens it (by each order's first
     * sequence), written when the batch commits, its views kept once it has.
     */
    private static void inOneBatch(List<Delivery> deliveries) {
        inOneBatch(views, deliveries);
    }

    private static void inOneBatch(PaymentViewRepository repository, List<Delivery> deliveries) {
        PaymentViewBatch batch = new PaymentViewBatch(repository, false);
        store.inTransaction(() -> {
            batch.open(firstSequences(deliveries));
            deliveries.forEach(delivery -> deliver(batch, delivery));
            batch.write();
        });
        batch.committed();
    }

    private static Map<String, Long> firstSequences(List<Delivery> deliveries) {
        Map<String, Long> first = new LinkedHashMap<>();
        deliveries.forEach(d -> first.merge(((PaymentEvent) d.event()).orderId().value(), d.sequence(), Math::min));
        return first;
    }

    /** Batches of {@code size} deliveries, each committed before the next. */
    private static void inBatchesOf(int size, List<Delivery> deliveries) {
        for (int from = 0; from < deliveries.size(); from += size) {
            inOneBatch(deliveries.subList(from, Math.min(from + size, deliveries.size())));
        }
    }

    /** Each delivery on its own, outside a unit of work: a write-through batch per event. */
    private static void writeThrough(List<Delivery> deliveries) {
        deliveries.forEach(delivery -> deliver(new PaymentViewBatch(views, true), delivery));
    }

    // ---- histories ------------------------------------------------------------------------------

    private static List<Delivery> numbered(Object... events) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            deliveries.add(new Delivery(i, events[i]));
        }
        return deliveries;
    }

    private static PaymentCheckedOut checkedOut(OrderId order, long won) {
        return new PaymentCheckedOut(order, MEMBER, "Ceramics class", Money.won(won), T0);
    }

    private static PaymentKey key(OrderId order) {
        return new PaymentKey("tgen_" + order.value());
    }

    private static List<Delivery> paidThenCancelledInTwoSteps(OrderId order) {
        PaymentKey key = key(order);
        return numbered(checkedOut(order, 50_000),
                new PaymentConfirmationRequested(order, key, Money.won(50_000)),
                new PaymentApproved(order, key, Money.won(50_000), "카드", CARD, "https://receipt/1", "tx-a",
                        T0.plusSeconds(2)),
                new PaymentCancelRequested(order, key, "c1", "one seat", Money.won(20_000), null),
                new PaymentCancelled(order, "c1", "tx-c1", Money.won(20_000), "one seat", T0.plusSeconds(4),
                        Money.won(30_000)),
                new PaymentCancelRequested(order, key, "c2", "the rest", Money.won(30_000), null),
                new PaymentCancelled(order, "c2", "tx-c2", Money.won(30_000), "the rest", T0.plusSeconds(6),
                        Money.won(0)));
    }

    private static List<Delivery> accountPaidReversedPaidAndRefundedInPart(OrderId order) {
        PaymentKey key = key(order);
        return numbered(checkedOut(order, 30_000),
                new VirtualAccountRequested(order, "Ceramics class", Money.won(30_000), "20", "김그로", 168),
                new VirtualAccountIssued(order, key, "20", "X0123456789012", T0.plus(Duration.ofDays(7)), "hash"),
                new PaymentDeposited(order, key, "tx-d1", Money.won(30_000), T0.plusSeconds(3)),
                new PaymentDepositReversed(order, key, "deposit error"),
                new PaymentDeposited(order, key, "tx-d2", Money.won(30_000), T0.plusSeconds(5)),
                new PaymentCancelRequested(order, key, "r1", "one seat", Money.won(10_000),
                        new RefundAccount("088", "11012345678", "홍길동")),
                new PaymentCancelled(order, "r1", "tx-r1", Money.won(10_000), "one seat", T0.plusSeconds(7),
                        Money.won(20_000)));
    }

    private static List<Delivery> unknownThenDeclined(OrderId order) {
        PaymentKey key = key(order);
        return numbered(checkedOut(order, 12_000),
                new PaymentConfirmationRequested(order, key, Money.won(12_000)),
                new PaymentOutcomeUnknown(order, key, "TIMEOUT"),
                new PaymentDeclined(order, null, new Failure("REJECT_CARD_PAYMENT", "limit")));
    }

    private static List<Delivery> approvedLateAndRefunded(OrderId order) {
        PaymentKey key = key(order);
        return numbered(checkedOut(order, 9_900),
                new PaymentConfirmationRequested(order, key, Money.won(9_900)),
                new PaymentCompensationStarted(order, key, Money.won(9_900), "approved after the order closed"),
                new PaymentCompensated(order, "approved after the order closed", "tx-refund", Money.won(9_900),
                        T0.plusSeconds(3)));
    }

    private static List<Delivery> flaggedCancelRefused(OrderId order) {
        PaymentKey key = key(order);
        return numbered(checkedOut(order, 40_000),
                new PaymentConfirmationRequested(order, key, Money.won(40_000)),
                new PaymentApproved(order, key, Money.won(40_000), "카드", CARD, "https://receipt/2", "tx-a",
                        T0.plusSeconds(2)),
                new PaymentCancelRequested(order, key, "c1", "all", Money.won(40_000), null),
                new PaymentNeedsAttention(order, "cancel unresolved"),
                new PaymentCancelRefused(order, "c1", new Failure("NOT_CANCELABLE_PAYMENT", "settled")));
    }

    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of("card paid, then cancelled in two steps",
                        (Function<OrderId, List<Delivery>>) PaymentViewBatchIT::paidThenCancelledInTwoSteps),
                Arguments.of("virtual account paid, reversed, paid again, refunded in part",
                        (Function<OrderId, List<Delivery>>) PaymentViewBatchIT::accountPaidReversedPaidAndRefundedInPart),
                Arguments.of("no answer, then declined",
                        (Function<OrderId, List<Delivery>>) PaymentViewBatchIT::unknownThenDeclined),
                Arguments.of("approved too late and refunded",
                        (Function<OrderId, List<Delivery>>) PaymentViewBatchIT::approvedLateAndRefunded),
                Arguments.of("cancel flagged, then refused",
                        (Function<OrderId, List<Delivery>>) PaymentViewBatchIT::flaggedCancelRefused));
    }

    // ---- tests ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void batched_and_write_through_writes_leave_the_same_row(String name,
                                                             Function<OrderId, List<Delivery>> history) {
        OrderId batched = newOrder();
        OrderId inBatchesOfTwo = newOrder();
        OrderId oneByOne = newOrder();
        OrderId atLeastOnce = newOrder();

        inOneBatch(history.apply(batched));
        inBatchesOf(2, history.apply(inBatchesOfTwo));
        writeThrough(history.apply(oneByOne));
        // redelivered as after a crash: a batch handled again, then the whole stream once more
        List<Delivery> again = history.apply(atLeastOnce);
        inBatchesOf(3, again.subList(0, 3));
        inBatchesOf(3, again.subList(0, again.size() - 1));
        writeThrough(again.subList(1, again.size()));
        inOneBatch(again);

        List<Delivery> deliveries = history.apply(batched);
        Delivery last = deliveries.get(deliveries.size() - 1);
        Map<String, Object> expected = row(batched);
        assertThat(expected.get("last_sequence")).isEqualTo(last.sequence());
        assertThat(((Timestamp) expected.get("updated_at")).toInstant()).isEqualTo(last.at());
        assertThat(views.find(batched.value()).orElseThrow().view())
                .isEqualTo(PaymentView.fold(deliveries.stream().map(Delivery::event).toList()));
        assertThat(row(inBatchesOfTwo)).as("in batches of two").isEqualTo(expected);
        assertThat(row(oneByOne)).as("write-through").isEqualTo(expected);
        assertThat(row(atLeastOnce)).as("delivered more than once").isEqualTo(expected);
    }

    @Test
    void events_already_applied_by_sequence_are_skipped_in_a_later_batch_and_a_new_one_still_applies() {
        OrderId order = newOrder();
        List<Delivery> history = paidThenCancelledInTwoSteps(order);
        inOneBatch(history.subList(0, 5));
        Map<String, Object> partlyCancelled = row(order);

        // the checkout, the approval and the first cancel again, then the next event, in one batch
        inOneBatch(List.of(history.get(0), history.get(2), history.get(4), history.get(3), history.get(5)));

        PaymentView view = views.find(order.value()).orElseThrow().view();
        assertThat(view.cancels()).extracting(PaymentView.CancelView::transactionKey).containsExactly("tx-c1");
        assertThat(view.status()).isEqualTo(PaymentStatus.PARTIAL_CANCELED);
        assertThat(view.balanceAmount()).isEqualTo(30_000);
        assertThat(view.cancelInProgress()).as("the new cancel request, sequence 5").isTrue();
        assertThat(views.find(order.value()).orElseThrow().lastSequence()).isEqualTo(5);
        assertThat(row(order)).isNotEqualTo(partlyCancelled);
    }

    @Test
    void events_already_applied_by_sequence_are_skipped_when_written_through() {
        OrderId order = newOrder();
        List<Delivery> history = paidThenCancelledInTwoSteps(order);
        writeThrough(history.subList(0, 5));
        Map<String, Object> partlyCancelled = row(order);

        writeThrough(List.of(history.get(0), history.get(4), history.get(2), history.get(4)));

        assertThat(row(order)).isEqualTo(partlyCancelled);
        assertThat(views.find(order.value()).orElseThrow().view().cancels()).hasSize(1);
    }

    @Test
    void the_same_event_twice_in_one_batch_is_folded_once() {
        OrderId order = newOrder();
        List<Delivery> history = paidThenCancelledInTwoSteps(order);
        List<Delivery> doubled = new ArrayList<>();
        for (Delivery delivery : history.subList(0, 5)) {
            doubled.add(delivery);
            doubled.add(delivery);
        }

        inOneBatch(doubled);

        PaymentView view = views.find(order.value()).orElseThrow().view();
        assertThat(view.cancels()).hasSize(1);
        assertThat(view.balanceAmount()).isEqualTo(30_000);
        assertThat(view).isEqualTo(PaymentView.fold(history.subList(0, 5).stream().map(Delivery::event).toList()));
    }

    @Test
    void a_batch_that_read_a_row_before_another_batch_moved_it_on_does_not_write_it_back() {
        OrderId order = newOrder();
        List<Delivery> history = paidThenCancelledInTwoSteps(order);
        inOneBatch(history.subList(0, 3));

        // two processors (a replay racing live traffic) both read the row at sequence 2
        PaymentViewBatch stale = new PaymentViewBatch(views, false);
        stale.read(List.of(order.value()));
        PaymentViewBatch ahead = new PaymentViewBatch(views, false);
        ahead.read(List.of(order.value()));
        history.subList(3, 5).forEach(delivery -> deliver(ahead, delivery));
        ahead.write();
        Map<String, Object> cancelled = row(order);

        deliver(stale, history.get(3));
        stale.write();

        assertThat(row(order)).isEqualTo(cancelled);
        assertThat(views.find(order.value()).orElseThrow().lastSequence()).isEqualTo(4);
    }

    @Test
    void a_checkout_written_by_another_batch_first_is_not_overwritten() {
        OrderId order = newOrder();
        List<Delivery> history = paidThenCancelledInTwoSteps(order);

        PaymentViewBatch late = new PaymentViewBatch(views, false);
        late.read(List.of(order.value()));
        inOneBatch(history.subList(0, 3));
        Map<String, Object> approved = row(order);
        deliver(late, history.get(0));
        late.write();

        assertThat(row(order)).isEqualTo(approved);
        assertThat(views.find(order.value()).orElseThrow().view().status()).isEqualTo(PaymentStatus.DONE);
    }

    @Test
    void an_event_for_an_order_with_no_row_and_no_checkout_in_the_batch_writes_nothing() {
        OrderId batched = newOrder();
        OrderId writtenThrough = newOrder();

        inOneBatch(paidThenCancelledInTwoSteps(batched).subList(1, 4));
        writeThrough(paidThenCancelledInTwoSteps(writtenThrough).subList(1, 4));

        assertThat(views.findAll(List.of(batched.value(), writtenThrough.value()))).isEmpty();
    }

    @Test
    void a_batch_that_begins_right_after_a_kept_view_folds_on_from_it_without_reading_the_row() {
        CountedReads counted = new CountedReads();
        OrderId order = newOrder();
        List<Delivery> history = paidThenCancelledInTwoSteps(order);

        inOneBatch(counted, history.subList(0, 3));
        inOneBatch(counted, history.subList(3, 5));
        inOneBatch(counted, history.subList(5, 7));

        assertThat(counted.reads).as("a checkout, then kept views: no row read").isZero();
        assertStoredAsTheFoldOf(order, history);
    }

    @Test
    void a_batch_that_does_not_begin_right_after_the_kept_view_reads_the_row() {
        CountedReads counted = new CountedReads();
        OrderId order = newOrder();
        List<Delivery> history = paidThenCancelledInTwoSteps(order);
        inOneBatch(counted, history.subList(0, 3));
        // written elsewhere (another instance had the segment): the kept view is of sequence 2
        inOneBatch(views, history.subList(3, 5));

        inOneBatch(counted, history.subList(5, 7));

        assertThat(counted.reads).isEqualTo(1);
        assertStoredAsTheFoldOf(order, history);
    }

    @Test
    void a_row_gone_from_under_a_kept_view_is_written_whole_again() {
        CountedReads counted = new CountedReads();
        OrderId order = newOrder();
        List<Delivery> history = paidThenCancelledInTwoSteps(order);
        inOneBatch(counted, history.subList(0, 3));
        Map<String, Object> approved = row(order);
        store.jdbc().sql("DELETE FROM payment_view WHERE order_id = ?").param(order.value()).update();

        inOneBatch(counted, history.subList(3, 5));

        OrderId reference = newOrder();
        inOneBatch(paidThenCancelledInTwoSteps(reference).subList(0, 5));
        assertThat(row(order)).isEqualTo(row(reference)).isNotEqualTo(approved);
    }

    @Test
    void a_checkout_delivered_again_with_the_events_after_it_moves_a_stored_row_on_without_reading_it() {
        CountedReads counted = new CountedReads();
        OrderId order = newOrder();
        List<Delivery> history = paidThenCancelledInTwoSteps(order);
        inOneBatch(history.subList(0, 3));

        inOneBatch(counted, history.subList(0, 5));

        assertThat(counted.reads).isZero();
        assertStoredAsTheFoldOf(order, history.subList(0, 5));
    }

    /** The order's stored view is the fold of these deliveries, at the last one's sequence. */
    private static void assertStoredAsTheFoldOf(OrderId order, List<Delivery> deliveries) {
        PaymentViewRepository.StoredView stored = views.find(order.value()).orElseThrow();
        assertThat(stored.view()).isEqualTo(PaymentView.fold(deliveries.stream().map(Delivery::event).toList()));
        assertThat(stored.lastSequence()).isEqualTo(deliveries.get(deliveries.size() - 1).sequence());
    }

    /** The repository, counting the queries that read stored rows for a batch. */
    private static final class CountedReads extends PaymentViewRepository {
        private int reads;

        CountedReads() {
            super(store, new ReadModelJson());
        }

        @Override
        Map<String, StoredView> findAll(Collection<String> orderIds) {
            reads++;
            return super.findAll(orderIds);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    @Test
    void a_view_read_once_is_kept_until_its_row_holds_a_later_event() {
        OrderId order = newOrder();
        List<Delivery> history = paidThenCancelledInTwoSteps(order);
        inOneBatch(history.subList(0, 3));

        PaymentView first = listed(order);
        assertThat(listed(order)).isSameAs(first);
        assertThat(views.find(order.value()).orElseThrow().view()).isSameAs(first);

        inOneBatch(history.subList(3, 5));
        PaymentView later = listed(order);
        assertThat(later).isNotSameAs(first);
        assertThat(later.status()).isEqualTo(PaymentStatus.PARTIAL_CANCELED);
        assertThat(later.cancels()).extracting(PaymentView.CancelView::transactionKey).containsExactly("tx-c1");
    }

    private static PaymentView listed(OrderId order) {
        var filter = new PaymentViewRepository.Filter(MEMBER.value(), null, null, null, false, key(order).value());
        var page = views.page(filter, 0, 20);
        assertThat(page.content()).hasSize(1);
        return page.content().get(0);
    }

    private static OrderId newOrder() {
        return new OrderId("pvb_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT));
    }

    /** Every column of the order's row; the order id itself left out, so two orders' rows compare. */
    private static Map<String, Object> row(OrderId order) {
        Map<String, Object> row = new LinkedHashMap<>(store.jdbc().sql("SELECT * FROM payment_view WHERE order_id = ?")
                .param(order.value()).query().singleRow());
        row.remove("order_id");
        row.computeIfPresent("document", (column, document) -> document.toString().replace(order.value(), "ORDER"));
        row.computeIfPresent("payment_key", (column, key) -> key.toString().replace(order.value(), "ORDER"));
        return row;
    }
}
