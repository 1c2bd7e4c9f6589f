package com.grow.payments.shared.integration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Folds one aggregate's domain events oldest first, as the publisher does: each event is told
 * from the narrative as it stood before it, then applied. Event {@code i} happens at {@link #at(int)}.
 */
final class Publishing {

    static final Instant T0 = Instant.parse("2024-05-01T09:00:00Z");

    private Publishing() {
    }

    /** When the {@code index}-th event of a folded history happened. */
    static Instant at(int index) {
        return T0.plusSeconds(60L * index);
    }

    /** Everything published for the history, in order. */
    static List<PaymentsV1.Data> publish(Object... events) {
        return fold(events).published();
    }

    static Folded fold(Object... events) {
        return fold(Arrays.asList(events));
    }

    static Folded fold(List<?> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a history has at least one event");
        }
        Narrative<?> narrative = Narrative.of(events.get(0));
        List<Optional<PaymentsV1.Data>> told = new ArrayList<>();
        List<PaymentsV1.Data> published = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Optional<PaymentsV1.Data> data = narrative.tell(events.get(i), at(i));
            told.add(data);
            data.ifPresent(published::add);
            narrative = narrative.apply(events.get(i));
        }
        return new Folded(Collections.unmodifiableList(published), Collections.unmodifiableList(told), narrative);
    }

    /**
     * @param published what was published, in order
     * @param told      per event (same index as the history), what it published if anything
     * @param narrative the narrative after the last event
     */
    record Folded(List<PaymentsV1.Data> published, List<Optional<PaymentsV1.Data>> told, Narrative<?> narrative) {

        PaymentNarrative payment() {
            return (PaymentNarrative) narrative;
        }

        SubscriptionNarrative subscription() {
            return (SubscriptionNarrative) narrative;
        }

        PaymentsV1.Data only() {
            if (published.size() != 1) {
                throw new AssertionError("expected exactly one published event but got " + published);
            }
            return published.get(0);
        }

        PaymentsV1.Data last() {
            return published.get(published.size() - 1);
        }
    }
}
