package com.grow.payments.shared.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionViewTest {

    private static final Instant ANCHOR = Instant.parse("2027-01-31T01:00:00Z");
    private static final Money AMOUNT = Money.won(50_000);

    @Test
    void a_flagged_cycle_shows_needs_attention_with_the_reason_and_is_not_paid() {
        SubscriptionView view = SubscriptionView.fold(List.of(
                new SubscriptionStarted("s01", "member-1", "bk_1", "cust", "club", "Club", AMOUNT, Cycle.DAILY, ANCHOR),
                new SubscriptionChargeRequested("s01", 2, "sub_s01_2", 1, "member-1", "bk_1", "cust", "Club", AMOUNT),
                new SubscriptionChargeNeedsAttention("s01", 2, "sub_s01_2", "a NORMAL payment, not a billing charge")));

        assertThat(view.needsAttention()).isTrue();
        SubscriptionView.Charge charge = view.charges().get(0);
        assertThat(charge.status()).isEqualTo("UNKNOWN");
        assertThat(charge.amount()).isEqualTo(AMOUNT.amount());
        assertThat(charge.paymentKey()).isNull();
        assertThat(charge.failure().code()).isEqualTo("NEEDS_ATTENTION");
        assertThat(charge.failure().message()).contains("NORMAL");
        assertThat(view.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void a_subscription_that_was_never_flagged_does_not_need_attention() {
        SubscriptionView view = SubscriptionView.fold(List.of(
                new SubscriptionStarted("s01", "member-1", "bk_1", "cust", "club", "Club", AMOUNT, Cycle.DAILY, ANCHOR)));

        assertThat(view.needsAttention()).isFalse();
    }
}
