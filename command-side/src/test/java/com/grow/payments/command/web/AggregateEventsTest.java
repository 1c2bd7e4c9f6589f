package com.grow.payments.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.MemberId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A creating command's answer: the events it committed when they are the whole stream, else a read. */
class AggregateEventsTest {

    private static final MemberId MEMBER = new MemberId("member-1");

    private final CountedEvents.Engine engine = new CountedEvents.Engine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
    private final CountedEvents.Answers answers = new CountedEvents.Answers();
    private final AggregateEvents events = new AggregateEvents(store, answers);

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void answersACreatedAggregateFromWhatItsCommandCommitted() {
        List<Object> answer = events.createAndAnswer(MEMBER, "order-1",
                () -> inUnitOfWork(() -> publish("order-1", 0, 2))).join();

        assertThat(answer).containsExactly("order-1#0", "order-1#1");
        assertThat(engine.reads.get()).as("nothing read back").isZero();
        assertThat(answers.remembered).containsEntry("order-1", 1L);
    }

    @Test
    void readsTheStreamWhenTheCommandDidNotCreateTheAggregate() {
        publish("order-2", 0, 1);

        List<Object> answer = events.createAndAnswer(MEMBER, "order-2",
                () -> inUnitOfWork(() -> publish("order-2", 1, 1))).join();

        assertThat(answer).containsExactly("order-2#0", "order-2#1");
        assertThat(engine.reads.get()).isEqualTo(1);
    }

    @Test
    void keepsNothingOfAUnitOfWorkThatRolledBack() {
        List<Object> answer = events.createAndAnswer(MEMBER, "order-3", () -> {
            UnitOfWork<?> failed = DefaultUnitOfWork.startAndGet(null);
            publish("order-3", 0, 1);
            failed.rollback();
            // the retry that succeeded ran elsewhere, as the conflict retry scheduler does
            return CompletableFuture.runAsync(() -> inUnitOfWork(() -> publish("order-3", 0, 1)));
        }).join();

        assertThat(answer).containsExactly("order-3#0");
        assertThat(engine.reads.get()).isEqualTo(1);
    }

    private CompletableFuture<Object> inUnitOfWork(Runnable work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        work.run();
        unitOfWork.commit();
        return CompletableFuture.completedFuture(null);
    }

    private void publish(String aggregateId, long from, int count) {
        for (long sequence = from; sequence < from + count; sequence++) {
            store.publish(new GenericDomainEventMessage<>("Aggregate", aggregateId, sequence, aggregateId + "#" + sequence));
        }
    }
}
