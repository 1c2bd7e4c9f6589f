package com.grow.payments.command.subscription;

import static com.grow.payments.command.subscription.SubscriptionTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.subscription.SubscriptionCommands.ChargeDueCycle;
import com.grow.payments.shared.subscription.SubscriptionCommands.ResumeSubscription;
import com.grow.payments.shared.subscription.SubscriptionResumed;
import com.grow.payments.shared.subscription.SubscriptionStatus;
import com.grow.payments.shared.subscription.SubscriptionView;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Answers from Toss that arrive after the member canceled or the subscription was suspended. */
class SubscriptionLateAnswerTest {

    private final AggregateTestFixture<Subscription> fixture = new AggregateTestFixture<>(Subscription.class);

    @Test
    void a_soft_decline_arriving_after_the_member_canceled_does_not_revive_the_subscription() {
        fixture.given(started(), chargeRequested(1, 1), canceled())
                .when(recordFailed(1, REJECTED, false))
                .expectState(s -> assertThat(statusOf(s)).isEqualTo(SubscriptionStatus.CANCELED));
    }

    @Test
    void a_canceled_subscription_whose_last_charge_was_declined_is_not_charged_again() {
        fixture.given(started(), chargeRequested(1, 1), canceled(), chargeFailed(1, REJECTED, 1, retryAt(1)))
                .when(new ChargeDueCycle(SUB, retryAt(1)))
                .expectNoEvents();
    }

    @Test
    void a_hard_decline_arriving_after_the_member_canceled_does_not_make_it_suspended_and_resumable() {
        fixture.given(started(), chargeRequested(1, 1), canceled())
                .when(recordFailed(1, EXPIRED_CARD, true))
                .expectEvents(chargeFailed(1, EXPIRED_CARD, 1, null));
    }

    @Test
    void a_suspended_subscription_whose_in_flight_charge_is_then_declined_stays_suspended() {
        fixture.given(started(), chargeRequested(1, 1), suspended("billing key deleted"))
                .when(recordFailed(1, REJECTED, false))
                .expectState(s -> assertThat(statusOf(s)).isEqualTo(SubscriptionStatus.SUSPENDED));
    }

    @Test
    void resuming_a_subscription_suspended_between_cycles_does_not_charge_the_next_cycle_early() {
        Instant feb10 = Instant.parse("2027-02-10T03:00:00Z");
        fixture.given(started(), chargeRequested(1, 1), charged(1, CYCLE_2_DUE), suspended("billing key deleted"))
                .when(new ResumeSubscription(SUB, owner(), feb10))
                .expectEvents(new SubscriptionResumed(SUB, OWNER.value(), CYCLE_2_DUE));
    }

    @Test
    void the_view_of_a_subscription_canceled_while_its_charge_was_in_flight_stays_canceled() {
        SubscriptionView view = SubscriptionView.fold(List.of(started(), chargeRequested(1, 1), canceled(),
                charged(1, CYCLE_2_DUE)));
        assertThat(view.status()).isEqualTo(SubscriptionStatus.CANCELED);
    }
}
