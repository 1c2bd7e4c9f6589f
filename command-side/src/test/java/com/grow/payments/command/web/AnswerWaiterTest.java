package com.grow.payments.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.shared.MemberId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The waiter's three ways of hearing of an answer: the events this instance just committed (no read
 * when they follow what it read), a read when they do not, and the sweep for answers recorded by
 * another instance. The stream here is Axon's in-memory engine, counted.
 */
class AnswerWaiterTest {

    private static final MemberId MEMBER = new MemberId("member-1");
    private static final Predicate<List<Object>> ANSWERED = events -> events.contains("answered");

    private final CountedEvents.Engine engine = new CountedEvents.Engine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
    private final CountedEvents.Answers answers = new CountedEvents.Answers();
    private final AggregateEvents loader = new AggregateEvents(store, answers);
    private final AtomicInteger sweeps = new AtomicInteger();
    /** Until set, a sweep finds nothing, so that only the test decides when the sweep may answer. */
    private final AtomicBoolean sweepsLook = new AtomicBoolean(true);
    private final LastSequences lastSequences = ids -> {
        if (!sweepsLook.get()) {
            return Map.of();
        }
        sweeps.incrementAndGet();
        return ids.stream().collect(Collectors.toMap(id -> id, id -> store.lastSequenceNumberFor(id).orElse(-1L)));
    };
    private AnswerWaiter waiter;

    @AfterEach
    void stop() {
        waiter.destroy();
        store.shutDown();
    }

    @Test
    void answersFromTheEventsJustCommittedWithoutReadingThemAgain() throws Exception {
        waiter = new AnswerWaiter(loader, lastSequences, store, Duration.ofHours(1), 2);
        append("order-1", 0, "opened");
        CompletableFuture<List<Object>> answer = waiter.awaitEvents(MEMBER, "order-1", Duration.ofSeconds(10), ANSWERED);
        awaitReads(1);

        append("order-1", 1, "answered");

        assertThat(answer.get(5, TimeUnit.SECONDS)).containsExactly("opened", "answered");
        assertThat(engine.reads.get()).as("the first read only").isEqualTo(1);
        assertThat(answers.remembered).containsEntry("order-1", 1L);
    }

    @Test
    void readsTheStreamWhenTheCommittedEventsLeaveAGap() throws Exception {
        waiter = new AnswerWaiter(loader, lastSequences, store, Duration.ofHours(1), 2);
        append("order-2", 0, "opened");
        CompletableFuture<List<Object>> answer = waiter.awaitEvents(MEMBER, "order-2", Duration.ofSeconds(10), ANSWERED);
        awaitReads(1);
        // stored without this instance hearing of it, as another instance would
        engine.appendEvents(new GenericDomainEventMessage<>("Aggregate", "order-2", 1, "retried"));

        append("order-2", 2, "answered");

        assertThat(answer.get(5, TimeUnit.SECONDS)).containsExactly("opened", "retried", "answered");
        assertThat(engine.reads.get()).isEqualTo(2);
    }

    @Test
    void findsAnAnswerAnotherInstanceRecordedByTheSweep() throws Exception {
        sweepsLook.set(false);
        waiter = new AnswerWaiter(loader, lastSequences, store, Duration.ofMillis(50), 2);
        append("order-3", 0, "opened");
        append("order-4", 0, "opened");
        CompletableFuture<List<Object>> third = waiter.awaitEvents(MEMBER, "order-3", Duration.ofSeconds(10), ANSWERED);
        CompletableFuture<List<Object>> fourth = waiter.awaitEvents(MEMBER, "order-4", Duration.ofSeconds(10), ANSWERED);
        awaitReads(2);

        // stored without this instance hearing of it: only a sweep can find these
        engine.appendEvents(new GenericDomainEventMessage<>("Aggregate", "order-3", 1, "answered"));
        engine.appendEvents(new GenericDomainEventMessage<>("Aggregate", "order-4", 1, "answered"));
        assertThat(third).isNotDone();
        sweepsLook.set(true);

        assertThat(third.get(5, TimeUnit.SECONDS)).containsExactly("opened", "answered");
        assertThat(fourth.get(5, TimeUnit.SECONDS)).containsExactly("opened", "answered");
        assertThat(sweeps.get()).isPositive();
    }

    @Test
    void endsAtTheBoundWithTheEventsAsTheyStand() throws Exception {
        waiter = new AnswerWaiter(loader, lastSequences, store, Duration.ofHours(1), 2);
        append("order-5", 0, "opened");

        List<Object> events = waiter.awaitEvents(MEMBER, "order-5", Duration.ofMillis(200), ANSWERED)
                .get(5, TimeUnit.SECONDS);

        assertThat(events).containsExactly("opened");
    }

    private void append(String aggregateId, long sequence, String payload) {
        store.publish(new GenericDomainEventMessage<>("Aggregate", aggregateId, sequence, payload));
    }

    private void awaitReads(int reads) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(engine.reads.get()).isEqualTo(reads));
    }
}
