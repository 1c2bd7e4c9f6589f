package com.grow.payments.command.payment;

import com.grow.payments.shared.payment.ReconciliationVerdict;
import java.util.ArrayList;
import java.util.List;

/** A look-up's decision: the events to apply, in order, and what is left for the janitor. */
record Decision(List<Object> events, ReconciliationVerdict verdict) {

    Decision {
        events = List.copyOf(events);
    }

    static Decision settled(Object... events) {
        return new Decision(List.of(events), ReconciliationVerdict.SETTLED);
    }

    static Decision unresolved() {
        return new Decision(List.of(), ReconciliationVerdict.UNRESOLVED);
    }

    /** These events first, then {@code next}'s, with {@code next}'s verdict. */
    Decision then(Decision next) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(next.events);
        return new Decision(all, next.verdict);
    }

    /** These events, then {@code more}, with the same verdict. */
    Decision with(List<?> more) {
        List<Object> all = new ArrayList<>(events);
        all.addAll(more);
        return new Decision(all, verdict);
    }
}
