package com.grow.payments.shared.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.payment.Failure;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A charge's outcome moves a subscription only between ACTIVE and PAST_DUE. */
class SubscriptionEventStatusTest {

    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final SubscriptionCharged CHARGED =
            new SubscriptionCharged("sub_1", 1, "sub_1-1", "key", Money.won(9_900), AT, AT.plusSeconds(86_400));
    private static final Failure DECLINED = new Failure("REJECT_CARD_PAYMENT", "limit");

    private static SubscriptionChargeFailed failed(Instant retryAt) {
        return new SubscriptionChargeFailed("sub_1", 1, "sub_1-1", DECLINED, 1, retryAt);
    }

    @Test
    void the_overdue_cycle_paid_brings_it_back_to_active() {
        assertThat(SubscriptionEventStatus.of(CHARGED, SubscriptionStatus.PAST_DUE)).contains(SubscriptionStatus.ACTIVE);
    }

    @Test
    void a_late_charge_leaves_a_suspended_or_active_subscription_as_it_is() {
        assertThat(SubscriptionEventStatus.of(CHARGED, SubscriptionStatus.SUSPENDED)).isEmpty();
        assertThat(SubscriptionEventStatus.of(CHARGED, SubscriptionStatus.ACTIVE)).isEmpty();
    }

    @Test
    void a_failure_with_a_retry_ahead_makes_an_active_subscription_past_due() {
        assertThat(SubscriptionEventStatus.of(failed(AT.plusSeconds(3_600)), SubscriptionStatus.ACTIVE))
                .contains(SubscriptionStatus.PAST_DUE);
    }

    @Test
    void the_last_failure_moves_nothing_by_itself() {
        assertThat(SubscriptionEventStatus.of(failed(null), SubscriptionStatus.ACTIVE)).isEmpty();
        assertThat(SubscriptionEventStatus.of(failed(AT), SubscriptionStatus.SUSPENDED)).isEmpty();
    }
}
