package com.grow.payments.infra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.infra.events.TopicTail.Received;
import com.grow.payments.workbench.EmbeddedServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published language on a real (embedded KRaft) broker: what a consumer of
 * {@code grow.payments.v1} receives from real payment flows, through a broker outage, a relay
 * that crashed before storing its token, and a read-model replay.
 */
class IntegrationEventsIT extends IntegrationTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${payments.events.topic}")
    String topic;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    private TopicTail tail;
    private final EventSchemas schemas = new EventSchemas();

    @BeforeEach
    void tailTheTopic() {
        tail = TopicTail.shared(bootstrapServers, topic);
    }

    @Test
    void a_card_payment_and_its_cancels_arrive_once_each_keyed_by_order_in_structured_cloud_events() {
        String token = token("member-events-card");
        String orderId = paid(token, 30_000);
        assertThat(post("/api/v1/payments/" + orderId + "/cancel", token,
                "{\"cancelReason\":\"one seat\",\"cancelAmount\":10000}").status()).isEqualTo(200);
        assertThat(post("/api/v1/payments/" + orderId + "/cancel", token, "{\"cancelReason\":\"the rest\"}").status())
                .isEqualTo(200);

        List<Received> events = awaitEvents(orderId, 3);
        assertThat(events).extracting(Received::type).containsExactly("grow.payments.PaymentApproved",
                "grow.payments.PaymentCanceled", "grow.payments.PaymentCanceled");
        assertThat(events).extracting(Received::id).doesNotHaveDuplicates();
        for (Received event : events) {
            assertThat(event.key()).isEqualTo(orderId);
            assertThat(event.contentType()).startsWith("application/cloudevents+json");
            assertThat(event.event().path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.event().path("source").asText()).isEqualTo("/grow-payments");
            assertThat(event.event().path("time").asText()).endsWith("+09:00");
            assertThat(event.data().path("memberId").asText()).isEqualTo("member-events-card");
            schemas.assertValid(event.event());
        }
        assertThat(events).extracting(Received::subjectSeq).isSorted();
        assertThat(events.get(0).data().path("amount").asLong()).isEqualTo(30_000);
        assertThat(events.get(0).data().path("orderName").asText()).isEqualTo("Hobby class");
        assertThat(events.get(1).data().path("cancelAmount").asLong()).isEqualTo(10_000);
        assertThat(events.get(1).data().path("balanceAmount").asLong()).isEqualTo(20_000);
        assertThat(events.get(1).data().path("status").asText()).isEqualTo("PARTIAL_CANCELED");
        assertThat(events.get(2).data().path("cancelAmount").asLong()).isEqualTo(20_000);
        assertThat(events.get(2).data().path("status").asText()).isEqualTo("CANCELED");
        // each id is its domain event's: the audit trail of the order names the same event and sequence
        Map<String, Long> audit = new LinkedHashMap<>();
        get("/api/v1/payments/" + orderId + "/events", token).json()
                .forEach(e -> audit.put(e.path("eventId").asText(), e.path("sequence").asLong()));
        for (Received event : events) {
            assertThat(audit).containsEntry(event.id(), event.subjectSeq());
        }
    }

    @Test
    void a_declined_payment_is_published_as_failed_with_the_toss_code() {
        String token = token("member-events-declined");
        String[] payment = checkoutAndAuthorize(token, 12_000, "REJECT_CARD_PAYMENT");
        assertThat(confirm(token, payment[0], payment[1], 12_000).status()).isEqualTo(402);

        Received failed = awaitEvents(payment[0], 1).get(0);
        assertThat(failed.type()).isEqualTo("grow.payments.PaymentFailed");
        assertThat(failed.data().path("status").asText()).isEqualTo("ABORTED");
        assertThat(failed.data().path("code").asText()).isEqualTo("REJECT_CARD_PAYMENT");
        assertThat(failed.data().path("refundedAmount").asLong()).isZero();
        schemas.assertValid(failed.event());
    }

    @Test
    void a_broker_outage_during_200_payments_delays_their_events_but_loses_none_and_keeps_each_orders_order()
            throws Exception {
        String token = token("member-events-outage");
        EmbeddedServers.stopKafka();
        List<String> orders;
        try {
            orders = payConcurrently(token, 200);
            // the payments themselves never waited for Kafka
            for (String orderId : orders.subList(0, 40)) {
                assertThat(post("/api/v1/payments/" + orderId + "/cancel", token,
                        "{\"cancelReason\":\"half\",\"cancelAmount\":500}").status()).isEqualTo(200);
            }
            assertThat(orders).allSatisfy(orderId -> assertThat(tail.about(orderId)).isEmpty());
        } finally {
            EmbeddedServers.restartKafka();
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String orderId : orders) {
                assertThat(firstSeen(orderId)).hasSizeGreaterThanOrEqualTo(orders.indexOf(orderId) < 40 ? 2 : 1);
            }
        });
        for (String orderId : orders) {
            List<Received> once = firstSeen(orderId);
            List<String> expected = orders.indexOf(orderId) < 40
                    ? List.of("grow.payments.PaymentApproved", "grow.payments.PaymentCanceled")
                    : List.of("grow.payments.PaymentApproved");
            assertThat(once).extracting(Received::type).as("events of %s in order", orderId).isEqualTo(expected);
            assertThat(once).extracting(Received::subjectSeq).isSorted();
        }
    }

    @Test
    void a_relay_that_crashed_after_sending_but_before_its_token_was_stored_repeats_the_same_ids_and_skips_nothing()
            throws InterruptedException {
        String token = token("member-events-crash");
        String first = paid(token, 7_000);
        awaitEvents(first, 1);
        StreamingEventProcessor relay = processing
                .eventProcessor(IntegrationEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        long approvalIndex = globalIndexOfLastEvent(first);

        // the crash: Kafka has the event, the token store still says "just before it"
        relay.shutDown();
        try {
            transactions.executeWithoutResult(tx -> {
                for (int segment : tokenStore.fetchSegments(IntegrationEventPublisher.PROCESSING_GROUP)) {
                    TrackingToken before = GapAwareTrackingToken.newInstance(approvalIndex - 1, List.of());
                    tokenStore.storeToken(before, IntegrationEventPublisher.PROCESSING_GROUP, segment);
                }
            });
            String second = paid(token, 8_000); // committed while the relay is down
            relay.start();

            await().atMost(DELIVERY).untilAsserted(() -> {
                assertThat(tail.about(first)).hasSize(2);
                assertThat(firstSeen(second)).hasSize(1);
            });
            List<Received> repeated = tail.about(first);
            assertThat(repeated.get(1).id()).as("a re-publish repeats the id").isEqualTo(repeated.get(0).id());
            assertThat(repeated.get(1).event()).isEqualTo(repeated.get(0).event());

            // the reference consumer counts the member's spend once, the duplicate recognised by its id
            String group = "member-points-" + java.util.UUID.randomUUID();
            try (MemberPointsConsumer points = new MemberPointsConsumer(bootstrapServers, topic, group, jdbc,
                    transactions)) {
                await().atMost(DELIVERY).untilAsserted(() -> {
                    assertThat(points.duplicatesSkipped()).isPositive();
                    assertThat(points.spend(group, "member-events-crash")).isEqualTo(15_000);
                });
            }
        } finally {
            if (!relay.isRunning()) {
                relay.start();
            }
        }
    }

    @Test
    void replaying_a_read_model_publishes_nothing_again() {
        String token = token("member-events-replay");
        String orderId = paid(token, 5_000);
        awaitEvents(orderId, 1);
        int seenBefore = tail.all().size();
        Set<String> idsBefore = tail.all().stream().map(Received::id).collect(Collectors.toSet());

        StreamingEventProcessor history = processing
                .eventProcessor("payment-history", StreamingEventProcessor.class).orElseThrow();
        history.shutDown();
        history.resetTokens();
        history.start();
        await().atMost(Duration.ofMinutes(2)).until(() -> !history.isReplaying());
        // a payment after the replay proves the relay is alive and caught up to here
        String after = paid(token, 6_000);
        awaitEvents(after, 1);

        List<Received> since = tail.all().subList(seenBefore, tail.all().size());
        assertThat(since).extracting(Received::id).noneMatch(idsBefore::contains);
        assertThat(get("/api/v1/payments/" + orderId, token).json().path("status").asText()).isEqualTo("DONE");
    }

    private long globalIndexOfLastEvent(String orderId) {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, orderId);
    }

    /** Checkout, the buyer's window and confirm: the order's id, once DONE. */
    private String paid(String token, long amount) {
        String[] payment = checkoutAndAuthorize(token, amount, null);
        Reply confirmed = confirm(token, payment[0], payment[1], amount);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return payment[0];
    }

    private List<String> payConcurrently(String token, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> payments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                payments.add(pool.submit(() -> paid(token, 1_000)));
            }
            List<String> orders = new ArrayList<>();
            for (Future<String> payment : payments) {
                orders.add(payment.get());
            }
            return orders;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The order's events as a deduplicating consumer applies them: each id once, first arrival wins. */
    private List<Received> firstSeen(String subject) {
        Map<String, Received> byId = new LinkedHashMap<>();
        for (Received event : tail.about(subject)) {
            byId.putIfAbsent(event.id(), event);
        }
        return List.copyOf(byId.values());
    }

    private List<Received> awaitEvents(String subject, int count) {
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(tail.about(subject)).hasSizeGreaterThanOrEqualTo(count));
        List<Received> events = tail.about(subject);
        assertThat(events).as("exactly %d events about %s", count, subject).hasSize(count);
        return events;
    }
}
