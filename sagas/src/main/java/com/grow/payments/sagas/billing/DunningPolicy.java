package com.grow.payments.sagas.billing;

import com.grow.payments.shared.payment.FailureCode;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How failed subscription charges are retried: after each decline, wait the next delay (default
 * 1, 3 and 7 days); a decline no retry can fix suspends at once.
 */
public record DunningPolicy(List<Duration> retryDelays, Set<String> hardDeclines) {

    /** The card itself cannot be charged any more: expired, stopped, lost, or the key is gone or unreadable. */
    public static final Set<String> DEFAULT_HARD_DECLINES = Set.of(
            "INVALID_CARD_EXPIRATION", "INVALID_STOPPED_CARD", "INVALID_CARD_LOST_OR_STOLEN", "INVALID_CARD_NUMBER",
            "NOT_MATCHES_CUSTOMER_KEY", "NOT_FOUND_BILLING_KEY", FailureCode.BILLING_KEY_DELETED.name(),
            FailureCode.BILLING_KEY_UNREADABLE.name());

    public DunningPolicy {
        retryDelays = List.copyOf(retryDelays);
        hardDeclines = Set.copyOf(hardDeclines);
    }

    public boolean isHard(String code) {
        return hardDeclines.contains(code);
    }
}
