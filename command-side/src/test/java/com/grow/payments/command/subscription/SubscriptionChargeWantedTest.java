package com.grow.payments.command.subscription;

import static com.grow.payments.command.subscription.SubscriptionTestData.*;

import com.grow.payments.shared.subscription.SubscriptionCommands.CheckChargeWanted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** A charge request parked in the dead-letter queue and retried late charges only if it is still the one in flight. */
class SubscriptionChargeWantedTest {

    private final AggregateTestFixture<Subscription> fixture = new AggregateTestFixture<>(Subscription.class);

    @Test
    void the_attempt_in_flight_is_wanted() {
        fixture.given(started(), chargeRequested(1, 1))
                .when(new CheckChargeWanted(SUB, 1, 1))
                .expectResultMessagePayload(true)
                .expectNoEvents();
    }

    @Test
    void an_attempt_already_answered_is_not_wanted() {
        fixture.given(started(), chargeRequested(1, 1), chargeFailed(1, REJECTED, 1, retryAt(1)))
                .when(new CheckChargeWanted(SUB, 1, 1))
                .expectResultMessagePayload(false);
    }

    @Test
    void an_older_attempt_of_the_cycle_is_not_wanted() {
        fixture.given(started(), chargeRequested(1, 1), chargeFailed(1, REJECTED, 1, retryAt(1)), chargeRequested(1, 2))
                .when(new CheckChargeWanted(SUB, 1, 1))
                .expectResultMessagePayload(false);
    }

    @Test
    void nothing_is_wanted_once_the_member_canceled() {
        fixture.given(started(), chargeRequested(1, 1), canceled())
                .when(new CheckChargeWanted(SUB, 1, 1))
                .expectResultMessagePayload(false);
    }
}
