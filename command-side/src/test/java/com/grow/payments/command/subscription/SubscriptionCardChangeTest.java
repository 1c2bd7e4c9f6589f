package com.grow.payments.command.subscription;

import static com.grow.payments.command.Rejections.rejectedWith;
import static com.grow.payments.command.subscription.SubscriptionTestData.AMOUNT;
import static com.grow.payments.command.subscription.SubscriptionTestData.BILLING_KEY_ID;
import static com.grow.payments.command.subscription.SubscriptionTestData.CYCLE_2_DUE;
import static com.grow.payments.command.subscription.SubscriptionTestData.EXPIRED_CARD;
import static com.grow.payments.command.subscription.SubscriptionTestData.ORDER_NAME;
import static com.grow.payments.command.subscription.SubscriptionTestData.OWNER;
import static com.grow.payments.command.subscription.SubscriptionTestData.SUB;
import static com.grow.payments.command.subscription.SubscriptionTestData.canceled;
import static com.grow.payments.command.subscription.SubscriptionTestData.chargeFailed;
import static com.grow.payments.command.subscription.SubscriptionTestData.chargeRequested;
import static com.grow.payments.command.subscription.SubscriptionTestData.owner;
import static com.grow.payments.command.subscription.SubscriptionTestData.started;
import static com.grow.payments.command.subscription.SubscriptionTestData.stranger;
import static com.grow.payments.command.subscription.SubscriptionTestData.suspended;

import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import com.grow.payments.shared.subscription.SubscriptionCommands.ChangeSubscriptionBillingKey;
import com.grow.payments.shared.subscription.SubscriptionCommands.CheckChargeWanted;
import com.grow.payments.shared.subscription.SubscriptionCommands.ResumeSubscription;
import com.grow.payments.shared.subscription.SubscriptionPaymentMethodChanged;
import com.grow.payments.shared.subscription.SubscriptionResumed;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changing a subscription's card: the overdue cycle is charged once, on the new key, and the old key never again. */
class SubscriptionCardChangeTest {

    private static final String NEW_KEY = "bk_test_0002";
    private static final String NEW_CUSTOMER = "cust_owner_0002";
    private static final Instant LATER = CYCLE_2_DUE.minus(Duration.ofDays(20));

    private FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subscription.class);
    }

    @Test
    void a_suspended_subscription_takes_a_new_card_and_resume_charges_the_overdue_cycle_on_it() {
        fixture.given(started(), chargeRequested(1, 1), chargeFailed(1, EXPIRED_CARD, 1, null),
                        suspended("card cannot be charged: INVALID_CARD_EXPIRATION"),
                        new SubscriptionPaymentMethodChanged(SUB, OWNER.value(), NEW_KEY, NEW_CUSTOMER, BILLING_KEY_ID))
                .when(new ResumeSubscription(SUB, owner(), LATER))
                .expectEvents(new SubscriptionResumed(SUB, OWNER.value(), LATER),
                        new SubscriptionChargeRequested(SUB, 1, "sub_sub-0001_1", 2, OWNER.value(), NEW_KEY,
                                NEW_CUSTOMER, ORDER_NAME, AMOUNT));
    }

    @Test
    void changing_the_card_records_the_new_and_the_previous_key() {
        fixture.given(started(), chargeRequested(1, 1), chargeFailed(1, EXPIRED_CARD, 1, null),
                        suspended("card cannot be charged: INVALID_CARD_EXPIRATION"))
                .when(new ChangeSubscriptionBillingKey(SUB, owner(), NEW_KEY, NEW_CUSTOMER))
                .expectEvents(new SubscriptionPaymentMethodChanged(SUB, OWNER.value(), NEW_KEY, NEW_CUSTOMER,
                        BILLING_KEY_ID));
    }

    @Test
    void the_same_card_again_changes_nothing() {
        fixture.given(started())
                .when(new ChangeSubscriptionBillingKey(SUB, owner(), BILLING_KEY_ID, "cust_owner_0001"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_canceled_subscription_keeps_its_card() {
        fixture.given(started(), canceled())
                .when(new ChangeSubscriptionBillingKey(SUB, owner(), NEW_KEY, NEW_CUSTOMER))
                .expectException(rejectedWith(ErrorCode.SUBSCRIPTION_CANCELED))
                .expectNoEvents();
    }

    @Test
    void another_member_cannot_change_the_card() {
        fixture.given(started())
                .when(new ChangeSubscriptionBillingKey(SUB, stranger(), NEW_KEY, NEW_CUSTOMER))
                .expectException(rejectedWith(ErrorCode.SUBSCRIPTION_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void a_charge_asked_on_the_old_card_before_the_change_is_no_longer_wanted() {
        fixture.given(started(), chargeRequested(1, 1),
                        new SubscriptionPaymentMethodChanged(SUB, OWNER.value(), NEW_KEY, NEW_CUSTOMER, BILLING_KEY_ID))
                .when(new CheckChargeWanted(SUB, 1, 1))
                .expectResultMessagePayload(false);
    }

    @Test
    void a_charge_asked_on_the_new_card_is_wanted() {
        fixture.given(started(), new SubscriptionPaymentMethodChanged(SUB, OWNER.value(), NEW_KEY, NEW_CUSTOMER,
                        BILLING_KEY_ID),
                        new SubscriptionChargeRequested(SUB, 1, "sub_sub-0001_1", 1, OWNER.value(), NEW_KEY,
                                NEW_CUSTOMER, ORDER_NAME, AMOUNT))
                .when(new CheckChargeWanted(SUB, 1, 1))
                .expectResultMessagePayload(true);
    }
}
