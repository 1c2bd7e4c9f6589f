package com.grow.payments.shared.reads;

import com.grow.payments.shared.MemberId;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What each caller has been answered (ADR 0012): for every payment, subscription or billing key a
 * command answer described, the sequence of the last event that answer reflected. A later read by
 * the same caller shows a state at least that new, whichever instance serves it.
 * <p>
 * Memory is kept for a retention and up to a cap per caller; the reads it protects are the ones
 * that follow an answer closely. An implementation that cannot tell what it remembers answers
 * {@link #ANY_ANSWER}: the reader then assumes the newest event may have been answered.
 */
public interface AnsweredSequences {

    /** The floor when what was answered cannot be told: no stored state is trusted without checking. */
    long ANY_ANSWER = Long.MAX_VALUE;

    /** The caller was answered with the aggregate as of this event; a lower sequence never lowers the floor. */
    void remember(MemberId caller, String aggregateId, long sequence);

    /** The sequence the caller's last answer about this aggregate reflected; empty when none is remembered. */
    OptionalLong floor(MemberId caller, String aggregateId);

    /** Every floor remembered for the caller, by aggregate id (for lists); empty when none or unknown. */
    Map<String, Long> floors(MemberId caller);
}
