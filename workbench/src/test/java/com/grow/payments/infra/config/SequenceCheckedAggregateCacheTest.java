package com.grow.payments.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

class SequenceCheckedAggregateCacheTest {

    static class Tally {
        @AggregateIdentifier
        String id = "tally-1";
    }

    private final Map<String, Long> stored = new HashMap<>();
    private final SequenceCheckedAggregateCache cache = new SequenceCheckedAggregateCache(ids -> {
        Map<String, Long> last = new HashMap<>();
        ids.forEach(id -> {
            if (stored.containsKey(id)) {
                last.put(id, stored.get(id));
            }
        });
        return last;
    }, 10);

    private static AggregateCacheEntry<Tally> keptAt(long sequence) {
        return new AggregateCacheEntry<>(EventSourcedAggregate.reconstruct(new Tally(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Tally.class), sequence, false, null,
                NoSnapshotTriggerDefinition.TRIGGER));
    }

    @Test
    void a_kept_aggregate_is_handed_out_while_the_store_holds_nothing_newer() {
        AggregateCacheEntry<Tally> entry = keptAt(2);
        cache.put("tally-1", entry);
        stored.put("tally-1", 2L);

        Object found = cache.get("tally-1");
        assertThat(found).isSameAs(entry);
    }

    @Test
    void an_aggregate_another_instance_wrote_since_is_dropped_and_read_from_the_store() {
        cache.put("tally-1", keptAt(2));
        stored.put("tally-1", 3L);

        Object stale = cache.get("tally-1");
        assertThat(stale).isNull();
        // dropped, not only passed over: even a store that looks as before does not bring it back
        stored.put("tally-1", 2L);
        Object gone = cache.get("tally-1");
        assertThat(gone).isNull();
        assertThat(cache.containsKey("tally-1")).isFalse();
    }

    @Test
    void an_aggregate_with_no_stored_events_or_an_entry_of_another_kind_is_never_trusted() {
        cache.put("tally-1", keptAt(0));
        Object withoutEvents = cache.get("tally-1");
        assertThat(withoutEvents).isNull();

        cache.put("tally-2", "not an aggregate");
        stored.put("tally-2", 0L);
        Object other = cache.get("tally-2");
        assertThat(other).isNull();
    }

    @Test
    void put_if_absent_keeps_the_first_and_remove_says_whether_anything_was_kept() {
        AggregateCacheEntry<Tally> first = keptAt(1);
        assertThat(cache.putIfAbsent("tally-1", first)).isTrue();
        assertThat(cache.putIfAbsent("tally-1", keptAt(2))).isFalse();
        stored.put("tally-1", 1L);
        Object kept = cache.get("tally-1");
        assertThat(kept).isSameAs(first);

        assertThat(cache.remove("tally-1")).isTrue();
        assertThat(cache.remove("tally-1")).isFalse();
    }
}
