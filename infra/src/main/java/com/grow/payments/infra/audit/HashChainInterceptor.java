package com.grow.payments.infra.audit;

import com.grow.payments.shared.support.BoundedLru;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Links every aggregate event into its aggregate's hash chain (ADR 0009): adds {@code chainHash}
 * to its metadata. Registered on the event store, which runs dispatch interceptors when the unit
 * of work prepares to commit, just before the events are appended in the same transaction.
 * <p>
 * The previous hash comes from this unit of work when one command applies several events, else
 * from the last link this instance committed for the aggregate, else from the stored event just
 * before (one indexed read). A committed link never changes, so remembering it is safe; a link
 * another instance added since is simply not the one asked for, and is read. Two writers of one
 * aggregate cannot both extend the chain: the store's unique (aggregate, sequence) refuses the
 * second, whose command is retried and hashes again.
 */
final class HashChainInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    /** The last link each aggregate got in this unit of work. */
    private record Head(long sequenceNumber, String hash) {
    }

    private static final String HEADS = HashChainInterceptor.class.getName() + ".heads";

    private final ChainKey key;
    private final Serializer eventSerializer;
    private final StoredEvents stored;
    private final BoundedLru<String, Head> committed;

    HashChainInterceptor(ChainKey key, Serializer eventSerializer, StoredEvents stored, int remembered) {
        this.key = key;
        this.eventSerializer = eventSerializer;
        this.stored = stored;
        this.committed = new BoundedLru<>(remembered);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
        Map<String, Head> heads = heads();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            chained.add(event instanceof DomainEventMessage<?> domainEvent ? chain(domainEvent, heads) : event);
        }
        return (index, event) -> chained.get(index);
    }

    private EventMessage<?> chain(DomainEventMessage<?> event, Map<String, Head> heads) {
        String aggregate = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        // the very bytes the storage engine writes: the same serializer, representation and object
        SerializedObject<byte[]> payload = eventSerializer.serialize(event.getPayload(), byte[].class);
        ChainHash.Link link = new ChainHash.Link(aggregate, sequence, payload.getType().getName(),
                payload.getType().getRevision(), DateTimeUtils.formatInstant(event.getTimestamp()),
                chainedValues(event.getMetaData()), payload.getData());
        String hash = ChainHash.of(key, previousHash(aggregate, sequence, heads), link);
        Head head = new Head(sequence, hash);
        heads.put(aggregate, head);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(uow -> committed.put(aggregate, head));
        }
        return event.andMetaData(Map.of(AuditMetaData.CHAIN_HASH, hash));
    }

    /**
     * The hash of the event before. Every stored event carries one since the cut-over (V13); if the
     * one before has none, the chain is already broken there, and this link shows it by starting
     * from {@link ChainHash#GENESIS}.
     */
    private String previousHash(String aggregate, long sequence, Map<String, Head> heads) {
        if (sequence == 0) {
            return ChainHash.GENESIS;
        }
        Head head = heads.get(aggregate);
        if (head != null && head.sequenceNumber() == sequence - 1) {
            return head.hash();
        }
        Head last = committed.get(aggregate);
        if (last != null && last.sequenceNumber() == sequence - 1) {
            return last.hash();
        }
        return stored.chainHashAt(aggregate, sequence - 1).orElse(ChainHash.GENESIS);
    }

    private static Map<String, String> chainedValues(Map<String, ?> metaData) {
        Map<String, String> values = new HashMap<>();
        AuditMetaData.CHAINED_KEYS.forEach(key -> {
            Object value = metaData.get(key);
            if (value != null) {
                values.put(key, String.valueOf(value));
            }
        });
        return values;
    }

    private static Map<String, Head> heads() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(HEADS, key -> new HashMap<String, Head>());
    }
}
