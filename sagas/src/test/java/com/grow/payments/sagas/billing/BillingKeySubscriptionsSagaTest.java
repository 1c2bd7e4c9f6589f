package com.grow.payments.sagas.billing;

import static com.grow.payments.sagas.billing.BillingKeyTestData.BILLING_KEY_ID;
import static com.grow.payments.sagas.billing.BillingKeyTestData.deleted;
import static com.grow.payments.sagas.billing.BillingKeyTestData.issued;
import static com.grow.payments.sagas.billing.BillingKeyTestData.subscriptionCanceled;
import static com.grow.payments.sagas.billing.BillingKeyTestData.subscriptionStarted;

import com.grow.payments.shared.subscription.SubscriptionCommands.SuspendSubscription;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BillingKeySubscriptionsSagaTest {

    private static final String OTHER_KEY_ID = "bk_test_0002";
    private static final String REASON = "billing key deleted";

    private SagaTestFixture<BillingKeySubscriptionsSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BillingKeySubscriptionsSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    @Test
    void an_issued_key_starts_a_saga_that_knows_the_key() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(issued(BILLING_KEY_ID))
                .expectActiveSagas(1)
                .expectAssociationWith("billingKeyId", BILLING_KEY_ID);
    }

    @Test
    void subscriptions_started_on_the_key_are_suspended_when_it_is_deleted_and_the_saga_ends() {
        fixture.givenAPublished(issued(BILLING_KEY_ID))
                .andThenAPublished(subscriptionStarted("sub-1", BILLING_KEY_ID))
                .andThenAPublished(subscriptionStarted("sub-2", BILLING_KEY_ID))
                .whenPublishingA(deleted(BILLING_KEY_ID))
                .expectDispatchedCommands(new SuspendSubscription("sub-1", REASON),
                        new SuspendSubscription("sub-2", REASON))
                .expectActiveSagas(0);
    }

    @Test
    void a_subscription_canceled_before_the_deletion_is_not_suspended() {
        fixture.givenAPublished(issued(BILLING_KEY_ID))
                .andThenAPublished(subscriptionStarted("sub-1", BILLING_KEY_ID))
                .andThenAPublished(subscriptionStarted("sub-2", BILLING_KEY_ID))
                .andThenAPublished(subscriptionCanceled("sub-1"))
                .whenPublishingA(deleted(BILLING_KEY_ID))
                .expectDispatchedCommands(new SuspendSubscription("sub-2", REASON))
                .expectActiveSagas(0);
    }

    @Test
    void a_subscription_on_another_key_is_not_suspended() {
        fixture.givenAPublished(issued(BILLING_KEY_ID))
                .andThenAPublished(issued(OTHER_KEY_ID))
                .andThenAPublished(subscriptionStarted("sub-1", BILLING_KEY_ID))
                .andThenAPublished(subscriptionStarted("sub-other", OTHER_KEY_ID))
                .whenPublishingA(deleted(BILLING_KEY_ID))
                .expectDispatchedCommands(new SuspendSubscription("sub-1", REASON))
                .expectActiveSagas(1);
    }

    @Test
    void a_key_without_subscriptions_ends_its_saga_without_any_command() {
        fixture.givenAPublished(issued(BILLING_KEY_ID))
                .whenPublishingA(deleted(BILLING_KEY_ID))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }
}
