package com.grow.payments.command.subscription;

import static com.grow.payments.command.subscription.SubscriptionTestData.AMOUNT;
import static com.grow.payments.command.subscription.SubscriptionTestData.ANCHOR;
import static com.grow.payments.command.subscription.SubscriptionTestData.CYCLE_2_DUE;
import static com.grow.payments.command.subscription.SubscriptionTestData.DELAYS;
import static com.grow.payments.command.subscription.SubscriptionTestData.EXPIRED_CARD;
import static com.grow.payments.command.subscription.SubscriptionTestData.FAILED_AT;
import static com.grow.payments.command.subscription.SubscriptionTestData.OWNER;
import static com.grow.payments.command.subscription.SubscriptionTestData.REJECTED;
import static com.grow.payments.command.subscription.SubscriptionTestData.SUB;
import static com.grow.payments.command.subscription.SubscriptionTestData.chargeFailed;
import static com.grow.payments.command.subscription.SubscriptionTestData.chargeRequested;
import static com.grow.payments.command.subscription.SubscriptionTestData.charged;
import static com.grow.payments.command.subscription.SubscriptionTestData.declinedTimes;
import static com.grow.payments.command.subscription.SubscriptionTestData.orderId;
import static com.grow.payments.command.subscription.SubscriptionTestData.paymentKey;
import static com.grow.payments.command.subscription.SubscriptionTestData.pg;
import static com.grow.payments.command.subscription.SubscriptionTestData.recordCharged;
import static com.grow.payments.command.subscription.SubscriptionTestData.recordFailed;
import static com.grow.payments.command.subscription.SubscriptionTestData.started;
import static com.grow.payments.command.subscription.SubscriptionTestData.statusOf;
import static com.grow.payments.command.subscription.SubscriptionTestData.suspended;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPaymentStatus;
import com.grow.payments.shared.payment.ReconciliationVerdict;
import com.grow.payments.shared.subscription.SubscriptionChargeOutcomeUnknown;
import com.grow.payments.shared.subscription.SubscriptionCharged;
import com.grow.payments.shared.subscription.SubscriptionCommands.ChargeDueCycle;
import com.grow.payments.shared.subscription.SubscriptionCommands.ReconcileCycleCharge;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleChargeUnknown;
import com.grow.payments.shared.subscription.SubscriptionResumed;
import com.grow.payments.shared.subscription.SubscriptionStatus;
import java.time.Duration;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What Toss answered to a cycle's charge, and what the janitor's look-up by order id found. */
class SubscriptionChargeOutcomeTest {

    /** When cycle 1's first charge was asked: the events' own timestamp, which the look-up counts from. */
    private static final Instant REQUESTED_AT = ANCHOR.plusSeconds(1);
    private static final Instant APPROVED_AT = ANCHOR.plusSeconds(2);

    private FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subscription.class);
    }

    // --- Toss's answer

    @Test
    void an_approved_charge_is_recorded_with_the_calendars_next_due_time() {
        fixture.given(started(), chargeRequested(1, 1))
                .when(recordCharged(1))
                .expectEvents(charged(1, Instant.parse("2027-02-28T01:00:00Z")));
    }

    @Test
    void an_approval_recorded_again_is_recorded_once() {
        fixture.given(started(), chargeRequested(1, 1), charged(1, CYCLE_2_DUE))
                .when(recordCharged(1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_approval_for_another_cycle_than_the_one_in_flight_changes_nothing() {
        fixture.given(started(), chargeRequested(1, 1))
                .when(recordCharged(2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_soft_decline_is_retried_after_the_first_delay_and_makes_the_subscription_past_due() {
        fixture.given(started(), chargeRequested(1, 1))
                .when(recordFailed(1, REJECTED, false))
                .expectEvents(chargeFailed(1, REJECTED, 1, FAILED_AT.plus(Duration.ofDays(1))))
                .expectState(subscription -> assertThat(statusOf(subscription)).isEqualTo(SubscriptionStatus.PAST_DUE));
    }

    @ParameterizedTest(name = "decline {0} waits {1} days")
    @CsvSource({"2, 3", "3, 7"})
    void each_further_soft_decline_waits_the_next_delay(int decline, int days) {
        fixture.given(inFlight(declinedTimes(decline - 1), decline))
                .when(recordFailed(1, REJECTED, false))
                .expectEvents(chargeFailed(1, REJECTED, decline, FAILED_AT.plus(Duration.ofDays(days))));
    }

    @Test
    void the_fourth_soft_decline_is_not_retried_and_suspends_the_subscription() {
        fixture.given(inFlight(declinedTimes(3), 4))
                .when(recordFailed(1, REJECTED, false))
                .expectEvents(chargeFailed(1, REJECTED, 4, null), suspended("charge failed 4 times"))
                .expectState(subscription -> assertThat(statusOf(subscription)).isEqualTo(SubscriptionStatus.SUSPENDED));
    }

    @Test
    void a_decline_no_retry_can_fix_suspends_the_subscription_at_once() {
        fixture.given(started(), chargeRequested(1, 1))
                .when(recordFailed(1, EXPIRED_CARD, true))
                .expectEvents(chargeFailed(1, EXPIRED_CARD, 1, null),
                        suspended("card cannot be charged: INVALID_CARD_EXPIRATION"));
    }

    @Test
    void after_a_success_the_next_decline_counts_from_one_again() {
        List<Object> history = inFlight(declinedTimes(2), 3);
        history.add(charged(1, CYCLE_2_DUE));
        history.add(chargeRequested(2, 1));

        fixture.given(history)
                .when(recordFailed(2, REJECTED, false))
                .expectEvents(chargeFailed(2, REJECTED, 1, FAILED_AT.plus(Duration.ofDays(1))));
    }

    @Test
    void after_a_resume_the_next_decline_counts_from_one_again() {
        List<Object> history = new ArrayList<>(declinedTimes(3));
        history.add(new SubscriptionResumed(SUB, OWNER.value(), FAILED_AT));
        history.add(chargeRequested(1, 4));

        fixture.given(history)
                .when(recordFailed(1, REJECTED, false))
                .expectEvents(chargeFailed(1, REJECTED, 1, FAILED_AT.plus(Duration.ofDays(1))));
    }

    @Test
    void an_unknown_outcome_is_recorded_and_no_new_charge_is_asked_while_it_is_unknown() {
        fixture.given(started(), chargeRequested(1, 1))
                .when(new RecordCycleChargeUnknown(SUB, 1, "TIMEOUT"))
                .expectEvents(unknown());

        fixture.given(started(), chargeRequested(1, 1), unknown())
                .when(new ChargeDueCycle(SUB, ANCHOR.plus(Duration.ofDays(1))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- the janitor's look-up

    @Test
    void tosss_done_record_settles_an_unknown_charge_as_charged() {
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGiven(started(), chargeRequested(1, 1), unknown())
                .when(reconcile(pg(PgPaymentStatus.DONE, APPROVED_AT, null), REQUESTED_AT.plusSeconds(300)))
                .expectEvents(new SubscriptionCharged(SUB, 1, orderId(1), paymentKey(1), AMOUNT, APPROVED_AT,
                        CYCLE_2_DUE))
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED);
    }

    @Test
    void tosss_aborted_record_settles_the_charge_as_a_soft_decline() {
        Instant checkedAt = REQUESTED_AT.plusSeconds(300);
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGiven(started(), chargeRequested(1, 1), unknown())
                .when(reconcile(pg(PgPaymentStatus.ABORTED, null, REJECTED), checkedAt))
                .expectEvents(chargeFailed(1, REJECTED, 1, checkedAt.plus(Duration.ofDays(1))))
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED);
    }

    @Test
    void no_record_at_toss_within_a_minute_of_asking_is_looked_up_again_later() {
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGiven(started(), chargeRequested(1, 1), unknown())
                .when(reconcile(null, REQUESTED_AT.plus(Subscription.CHARGE_SETTLE_TIME)))
                .expectNoEvents()
                .expectResultMessagePayload(ReconciliationVerdict.UNRESOLVED);
    }

    @Test
    void no_record_at_toss_after_a_minute_means_toss_never_took_the_charge() {
        Instant checkedAt = REQUESTED_AT.plus(Subscription.CHARGE_SETTLE_TIME).plusSeconds(1);
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGiven(started(), chargeRequested(1, 1), unknown())
                .when(reconcile(null, checkedAt))
                .expectEvents(chargeFailed(1, new Failure("NOT_PROCESSED_AT_PG", "Toss has no record of this charge"), 1,
                        checkedAt.plus(Duration.ofDays(1))))
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settledCycles")
    void a_look_up_of_a_cycle_no_longer_in_flight_is_settled_without_events(String after, List<Object> history,
                                                                            PgPayment found) {
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGiven(history)
                .when(reconcile(found, REQUESTED_AT.plusSeconds(300)))
                .expectNoEvents()
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED);
    }

    static Stream<Arguments> settledCycles() {
        return Stream.of(
                Arguments.of("charged", List.of(started(), chargeRequested(1, 1), charged(1, CYCLE_2_DUE)),
                        pg(PgPaymentStatus.DONE, APPROVED_AT, null)),
                Arguments.of("declined", declinedTimes(1), pg(PgPaymentStatus.ABORTED, null, REJECTED)));
    }

    private static List<Object> inFlight(List<Object> history, int attempt) {
        List<Object> next = new ArrayList<>(history);
        next.add(chargeRequested(1, attempt));
        return next;
    }

    private static SubscriptionChargeOutcomeUnknown unknown() {
        return new SubscriptionChargeOutcomeUnknown(SUB, 1, orderId(1), "TIMEOUT");
    }

    private static ReconcileCycleCharge reconcile(PgPayment pg, Instant checkedAt) {
        return new ReconcileCycleCharge(SUB, 1, pg, checkedAt, DELAYS);
    }
}
