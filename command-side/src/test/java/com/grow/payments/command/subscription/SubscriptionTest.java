package com.grow.payments.command.subscription;

import static com.grow.payments.command.Rejections.rejectedWith;
import static com.grow.payments.command.subscription.SubscriptionTestData.AMOUNT;
import static com.grow.payments.command.subscription.SubscriptionTestData.ANCHOR;
import static com.grow.payments.command.subscription.SubscriptionTestData.BILLING_KEY_ID;
import static com.grow.payments.command.subscription.SubscriptionTestData.CANCEL_REASON;
import static com.grow.payments.command.subscription.SubscriptionTestData.CUSTOMER_KEY;
import static com.grow.payments.command.subscription.SubscriptionTestData.CYCLE_2_DUE;
import static com.grow.payments.command.subscription.SubscriptionTestData.EXPIRED_CARD;
import static com.grow.payments.command.subscription.SubscriptionTestData.ORDER_NAME;
import static com.grow.payments.command.subscription.SubscriptionTestData.OWNER;
import static com.grow.payments.command.subscription.SubscriptionTestData.SUB;
import static com.grow.payments.command.subscription.SubscriptionTestData.canceled;
import static com.grow.payments.command.subscription.SubscriptionTestData.chargeFailed;
import static com.grow.payments.command.subscription.SubscriptionTestData.chargeRequested;
import static com.grow.payments.command.subscription.SubscriptionTestData.charged;
import static com.grow.payments.command.subscription.SubscriptionTestData.declinedTimes;
import static com.grow.payments.command.subscription.SubscriptionTestData.owner;
import static com.grow.payments.command.subscription.SubscriptionTestData.retryAt;
import static com.grow.payments.command.subscription.SubscriptionTestData.start;
import static com.grow.payments.command.subscription.SubscriptionTestData.started;
import static com.grow.payments.command.subscription.SubscriptionTestData.statusOf;
import static com.grow.payments.command.subscription.SubscriptionTestData.stranger;
import static com.grow.payments.command.subscription.SubscriptionTestData.suspended;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.subscription.SubscriptionCanceled;
import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import com.grow.payments.shared.subscription.SubscriptionCommands.CancelSubscription;
import com.grow.payments.shared.subscription.SubscriptionCommands.ChargeDueCycle;
import com.grow.payments.shared.subscription.SubscriptionCommands.ResumeSubscription;
import com.grow.payments.shared.subscription.SubscriptionCommands.SuspendSubscription;
import com.grow.payments.shared.subscription.SubscriptionResumed;
import com.grow.payments.shared.subscription.SubscriptionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Starting, charging when due, canceling, resuming and suspending; Toss's answers are in SubscriptionChargeOutcomeTest. */
class SubscriptionTest {

    private static final Instant NOW = Instant.parse("2027-02-10T03:00:00Z");
    private static final String KEY_DELETED = "billing key deleted";

    private FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subscription.class);
    }

    // --- starting and charging

    @Test
    void starting_a_subscription_records_its_plan_card_amount_and_anchor() {
        fixture.givenNoPriorActivity()
                .when(start(AMOUNT))
                .expectEvents(started())
                .expectState(subscription -> assertThat(statusOf(subscription)).isEqualTo(SubscriptionStatus.ACTIVE));
    }

    @Test
    void a_subscription_of_zero_won_is_rejected_as_invalid() {
        fixture.givenNoPriorActivity()
                .when(start(Money.won(0)))
                .expectException(rejectedWith(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void the_due_first_cycle_is_charged_under_its_own_order_id_on_the_members_billing_key() {
        fixture.given(started())
                .when(new ChargeDueCycle(SUB, ANCHOR))
                .expectEvents(new SubscriptionChargeRequested(SUB, 1, "sub_sub-0001_1", 1, OWNER.value(),
                        BILLING_KEY_ID, CUSTOMER_KEY, ORDER_NAME, AMOUNT));
    }

    @Test
    void a_cycle_not_yet_due_is_not_charged() {
        fixture.given(started())
                .when(new ChargeDueCycle(SUB, ANCHOR.minusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_due_cycle_is_not_charged_again_while_its_charge_is_in_flight() {
        fixture.given(started(), chargeRequested(1, 1))
                .when(new ChargeDueCycle(SUB, ANCHOR.plusSeconds(3_600)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stoppedSubscriptions")
    void a_stopped_subscription_is_not_charged(String status, List<Object> history) {
        fixture.given(history)
                .when(new ChargeDueCycle(SUB, CYCLE_2_DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    static Stream<Arguments> stoppedSubscriptions() {
        return Stream.of(
                Arguments.of("SUSPENDED", List.of(started(), suspended(KEY_DELETED))),
                Arguments.of("CANCELED", List.of(started(), canceled())));
    }

    @Test
    void after_a_charge_the_next_cycle_is_not_charged_before_its_due_time() {
        fixture.given(started(), chargeRequested(1, 1), charged(1, CYCLE_2_DUE))
                .when(new ChargeDueCycle(SUB, CYCLE_2_DUE.minusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void after_a_charge_the_next_due_time_charges_cycle_two_as_its_first_attempt() {
        fixture.given(started(), chargeRequested(1, 1), charged(1, CYCLE_2_DUE))
                .when(new ChargeDueCycle(SUB, CYCLE_2_DUE))
                .expectEvents(chargeRequested(2, 1));
    }

    @Test
    void a_declined_cycle_is_charged_again_at_its_retry_time_as_the_next_attempt() {
        fixture.given(declinedTimes(1))
                .when(new ChargeDueCycle(SUB, retryAt(1).minusSeconds(1)))
                .expectNoEvents();

        fixture.given(declinedTimes(1))
                .when(new ChargeDueCycle(SUB, retryAt(1)))
                .expectEvents(chargeRequested(1, 2));
    }

    // --- canceling

    @Test
    void the_owner_cancels_the_subscription() {
        fixture.given(started())
                .when(new CancelSubscription(SUB, owner(), CANCEL_REASON))
                .expectEvents(new SubscriptionCanceled(SUB, OWNER.value(), CANCEL_REASON))
                .expectState(subscription -> assertThat(statusOf(subscription)).isEqualTo(SubscriptionStatus.CANCELED));
    }

    @Test
    void another_member_canceling_is_answered_as_not_found() {
        fixture.given(started())
                .when(new CancelSubscription(SUB, stranger(), CANCEL_REASON))
                .expectException(rejectedWith(ErrorCode.SUBSCRIPTION_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void canceling_twice_cancels_once() {
        fixture.given(started(), canceled())
                .when(new CancelSubscription(SUB, owner(), CANCEL_REASON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- resuming

    @Test
    void resuming_a_past_due_subscription_charges_the_due_cycle_now_as_its_next_attempt() {
        fixture.given(declinedTimes(1))
                .when(new ResumeSubscription(SUB, owner(), NOW))
                .expectEvents(new SubscriptionResumed(SUB, OWNER.value(), NOW), chargeRequested(1, 2))
                .expectState(subscription -> assertThat(statusOf(subscription)).isEqualTo(SubscriptionStatus.ACTIVE));
    }

    @Test
    void resuming_a_subscription_suspended_by_a_hard_decline_charges_the_cycle_again() {
        fixture.given(started(), chargeRequested(1, 1), chargeFailed(1, EXPIRED_CARD, 1, null),
                        suspended("card cannot be charged: INVALID_CARD_EXPIRATION"))
                .when(new ResumeSubscription(SUB, owner(), NOW))
                .expectEvents(new SubscriptionResumed(SUB, OWNER.value(), NOW), chargeRequested(1, 2));
    }

    @Test
    void resuming_while_a_retry_is_in_flight_does_not_charge_the_cycle_twice() {
        List<Object> retrying = new ArrayList<>(declinedTimes(1));
        retrying.add(chargeRequested(1, 2));

        fixture.given(retrying)
                .when(new ResumeSubscription(SUB, owner(), NOW))
                .expectEvents(new SubscriptionResumed(SUB, OWNER.value(), NOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unresumableSubscriptions")
    void only_a_past_due_or_suspended_subscription_can_be_resumed(String status, List<Object> history) {
        fixture.given(history)
                .when(new ResumeSubscription(SUB, owner(), NOW))
                .expectException(rejectedWith(ErrorCode.SUBSCRIPTION_NOT_RESUMABLE))
                .expectNoEvents();
    }

    static Stream<Arguments> unresumableSubscriptions() {
        return Stream.of(
                Arguments.of("ACTIVE", List.of(started())),
                Arguments.of("ACTIVE after a charge", List.of(started(), chargeRequested(1, 1), charged(1, CYCLE_2_DUE))),
                Arguments.of("CANCELED", List.of(started(), canceled())));
    }

    @Test
    void another_member_resuming_is_answered_as_not_found() {
        fixture.given(declinedTimes(1))
                .when(new ResumeSubscription(SUB, stranger(), NOW))
                .expectException(rejectedWith(ErrorCode.SUBSCRIPTION_NOT_FOUND))
                .expectNoEvents();
    }

    // --- suspending

    @Test
    void suspending_an_active_subscription_records_it_once() {
        fixture.given(started())
                .when(new SuspendSubscription(SUB, KEY_DELETED))
                .expectEvents(suspended(KEY_DELETED))
                .expectState(subscription -> assertThat(statusOf(subscription)).isEqualTo(SubscriptionStatus.SUSPENDED));

        fixture.given(started(), suspended(KEY_DELETED))
                .when(new SuspendSubscription(SUB, KEY_DELETED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_canceled_subscription_is_not_suspended() {
        fixture.given(started(), canceled())
                .when(new SuspendSubscription(SUB, KEY_DELETED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(subscription -> assertThat(statusOf(subscription)).isEqualTo(SubscriptionStatus.CANCELED));
    }
}
