package com.grow.payments.command.web;

import java.util.Collection;
import java.util.Map;

/**
 * The sequence number of the last stored event of each of many aggregates, in one read: how
 * {@link AnswerWaiter} notices, for every waiting request at once, an answer another instance
 * recorded.
 */
@FunctionalInterface
public interface LastSequences {

    /** Each aggregate's last sequence number; an aggregate with no event is absent. */
    Map<String, Long> of(Collection<String> aggregateIds);
}
