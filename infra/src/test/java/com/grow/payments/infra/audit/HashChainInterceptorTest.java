package com.grow.payments.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class HashChainInterceptorTest {

    record Happened(String orderId, long amount) {
    }

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final StoredEvents stored = mock(StoredEvents.class);
    private static final ChainKey KEY = ChainHashTest.KEY;
    private final HashChainInterceptor interceptor = new HashChainInterceptor(KEY, serializer, stored, 100);

    private static DomainEventMessage<Happened> event(long sequence, long amount) {
        return new GenericDomainEventMessage<>("Payment", "ord_hash01", sequence, new Happened("ord_hash01", amount),
                MetaData.with("memberId", "member-1").and("traceId", "t-1").and("unrelated", 7));
    }

    private static String expected(String previous, DomainEventMessage<?> event, JacksonSerializer serializer) {
        SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
        return ChainHash.of(KEY, previous, new ChainHash.Link(event.getAggregateIdentifier(), event.getSequenceNumber(),
                payload.getType().getName(), payload.getType().getRevision(),
                DateTimeUtils.formatInstant(event.getTimestamp()), Map.of("memberId", "member-1", "traceId", "t-1"),
                payload.getData()));
    }

    private List<EventMessage<?>> intercept(List<? extends EventMessage<?>> events) {
        var function = interceptor.handle(events);
        return java.util.stream.IntStream.range(0, events.size())
                .<EventMessage<?>>mapToObj(i -> function.apply(i, events.get(i))).toList();
    }

    @Test
    void events_of_one_unit_of_work_chain_onto_each_other_without_reading_the_store() {
        DomainEventMessage<Happened> first = event(0, 1000);
        DomainEventMessage<Happened> second = event(1, 2000);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            List<EventMessage<?>> chained = intercept(List.of(first));
            chained = List.of(chained.get(0), intercept(List.of(second)).get(0));

            String firstHash = expected(ChainHash.GENESIS, first, serializer);
            assertThat(chained.get(0).getMetaData()).containsEntry("chainHash", firstHash);
            assertThat(chained.get(1).getMetaData()).containsEntry("chainHash", expected(firstHash, second, serializer));
            assertThat(chained.get(1)).isInstanceOf(DomainEventMessage.class);
            assertThat(chained.get(1).getIdentifier()).isEqualTo(second.getIdentifier());
            verify(stored, never()).chainHashAt(anyString(), anyLong());
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void a_later_event_chains_onto_the_stored_one_before_it() {
        when(stored.chainHashAt("ord_hash01", 4)).thenReturn(Optional.of("ab".repeat(32)));
        DomainEventMessage<Happened> fifth = event(5, 3000);

        assertThat(intercept(List.of(fifth)).get(0).getMetaData())
                .containsEntry("chainHash", expected("ab".repeat(32), fifth, serializer));
    }

    @Test
    void an_event_after_one_without_a_link_links_from_genesis_and_the_break_stays_visible() {
        when(stored.chainHashAt("ord_hash01", 2)).thenReturn(Optional.empty());
        DomainEventMessage<Happened> third = event(3, 3000);

        assertThat(intercept(List.of(third)).get(0).getMetaData())
                .containsEntry("chainHash", expected(ChainHash.GENESIS, third, serializer));
    }

    @Test
    void the_next_command_chains_onto_the_link_this_instance_committed_without_reading_the_store() {
        DomainEventMessage<Happened> first = event(0, 1000);
        DefaultUnitOfWork<?> firstCommand = DefaultUnitOfWork.startAndGet(null);
        intercept(List.of(first));
        firstCommand.commit();

        DomainEventMessage<Happened> second = event(1, 2000);
        DefaultUnitOfWork<?> secondCommand = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(intercept(List.of(second)).get(0).getMetaData()).containsEntry("chainHash",
                    expected(expected(ChainHash.GENESIS, first, serializer), second, serializer));
            verify(stored, never()).chainHashAt(anyString(), anyLong());
        } finally {
            secondCommand.rollback();
        }
    }

    @Test
    void a_link_whose_unit_of_work_rolled_back_is_not_remembered() {
        DefaultUnitOfWork<?> refused = DefaultUnitOfWork.startAndGet(null);
        intercept(List.of(event(0, 1000)));
        refused.rollback();
        when(stored.chainHashAt("ord_hash01", 0)).thenReturn(Optional.of("cd".repeat(32)));

        DomainEventMessage<Happened> second = event(1, 2000);
        assertThat(intercept(List.of(second)).get(0).getMetaData())
                .containsEntry("chainHash", expected("cd".repeat(32), second, serializer));
    }
}
