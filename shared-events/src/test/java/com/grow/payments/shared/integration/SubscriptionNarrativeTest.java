package com.grow.payments.shared.integration;

import static com.grow.payments.shared.integration.Publishing.at;
import static com.grow.payments.shared.integration.Publishing.fold;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.subscription.ChargeOrderIds;
import com.grow.payments.shared.subscription.Cycle;
import com.grow.payments.shared.subscription.SubscriptionCanceled;
import com.grow.payments.shared.subscription.SubscriptionChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionChargeOutcomeUnknown;
import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import com.grow.payments.shared.subscription.SubscriptionCharged;
import com.grow.payments.shared.subscription.SubscriptionPaymentMethodChanged;
import com.grow.payments.shared.subscription.SubscriptionResumed;
import com.grow.payments.shared.subscription.SubscriptionStarted;
import com.grow.payments.shared.subscription.SubscriptionSuspended;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionNarrativeTest {

    static final String SUB = "sub_01hx7kq2m9";
    static final String MEMBER = "member-42";
    static final String BILLING_KEY_ID = "bk_01hx7k0000";
    static final String CUSTOMER_KEY = "cust_7f3a9c";
    static final String PLAN = "plan-premium-monthly";
    static final String ORDER_NAME = "GROW 프리미엄 월간 구독";
    static final Instant ANCHOR = Instant.parse("2024-05-01T00:00:00Z");
    static final Failure DECLINED = new Failure("REJECT_CARD_PAYMENT", "한도초과 혹은 잔액부족");

    static SubscriptionStarted started() {
        return new SubscriptionStarted(SUB, MEMBER, BILLING_KEY_ID, CUSTOMER_KEY, PLAN, ORDER_NAME, Money.won(9_900),
                Cycle.MONTHLY, ANCHOR);
    }

    static SubscriptionChargeRequested requested(int cycleNo, int attempt, long won) {
        return new SubscriptionChargeRequested(SUB, cycleNo, ChargeOrderIds.of(SUB, cycleNo), attempt, MEMBER,
                BILLING_KEY_ID, CUSTOMER_KEY, ORDER_NAME, Money.won(won));
    }

    static SubscriptionCharged charged(int cycleNo, Instant chargedAt, Instant next) {
        return new SubscriptionCharged(SUB, cycleNo, ChargeOrderIds.of(SUB, cycleNo), "tbill_" + cycleNo,
                Money.won(9_900), chargedAt, next);
    }

    static SubscriptionChargeFailed failed(int cycleNo, int failedAttempts, Instant nextRetryAt) {
        return new SubscriptionChargeFailed(SUB, cycleNo, ChargeOrderIds.of(SUB, cycleNo), DECLINED, failedAttempts,
                nextRetryAt);
    }

    @Test
    void aChargedCycleIsPublishedWithWhoseAndWhatFromTheStart() {
        Instant chargedAt = ANCHOR.plusSeconds(3);
        Instant next = Instant.parse("2024-06-01T00:00:00Z");

        Publishing.Folded folded = fold(started(), requested(1, 1, 9_900), charged(1, chargedAt, next));

        assertThat(folded.told().subList(0, 2)).allMatch(Optional::isEmpty);
        assertThat(folded.published()).containsExactly(new PaymentsV1.SubscriptionCharged(SUB, MEMBER, PLAN,
                ORDER_NAME, 1, "sub_" + SUB + "_1", "tbill_1", 9_900, "KRW", chargedAt, next));
    }

    @Test
    void aDeclineWithARetryDateWillBeRetried() {
        Instant retryAt = Instant.parse("2024-05-02T00:00:00Z");

        Publishing.Folded folded = fold(started(), requested(1, 1, 9_900), failed(1, 1, retryAt));

        assertThat(folded.published()).containsExactly(new PaymentsV1.SubscriptionChargeFailed(SUB, MEMBER, PLAN, 1,
                "sub_" + SUB + "_1", 9_900, "KRW", "REJECT_CARD_PAYMENT", "한도초과 혹은 잔액부족", 1, true, retryAt));
    }

    @Test
    void theLastDeclineWillNotBeRetriedAndTheSuspensionFollows() {
        Instant retry1 = Instant.parse("2024-05-02T00:00:00Z");
        Instant retry2 = Instant.parse("2024-05-04T00:00:00Z");

        Publishing.Folded folded = fold(started(),
                requested(1, 1, 9_900), failed(1, 1, retry1),
                requested(1, 2, 9_900), failed(1, 2, retry2),
                requested(1, 3, 9_900), failed(1, 3, null),
                new SubscriptionSuspended(SUB, MEMBER, "charge failed 3 times"));

        assertThat(folded.published()).hasSize(4);
        assertThat(folded.told().get(6)).contains(new PaymentsV1.SubscriptionChargeFailed(SUB, MEMBER, PLAN, 1,
                "sub_" + SUB + "_1", 9_900, "KRW", "REJECT_CARD_PAYMENT", "한도초과 혹은 잔액부족", 3, false, null));
        assertThat(folded.told().get(7)).contains(new PaymentsV1.SubscriptionSuspended(SUB, MEMBER, PLAN,
                "charge failed 3 times", at(7)));
    }

    @Test
    void aDeclineTellsTheAmountItsChargeAskedFor() {
        // the amount a failed charge asked for is the latest request's, not necessarily the start's
        Publishing.Folded folded = fold(started(), requested(1, 1, 12_000), failed(1, 1, null));

        assertThat(folded.last()).isInstanceOfSatisfying(PaymentsV1.SubscriptionChargeFailed.class, failed -> {
            assertThat(failed.amount()).isEqualTo(12_000);
            assertThat(failed.willRetry()).isFalse();
            assertThat(failed.nextRetryAt()).isNull();
        });
        assertThat(folded.subscription().amount()).isEqualTo(Money.won(12_000));
    }

    @Test
    void aCardChangeIsPublishedWithTheNewKeysIdAndNoCustomerKey() {
        Publishing.Folded folded = fold(started(), new SubscriptionSuspended(SUB, MEMBER, "billing key deleted"),
                new SubscriptionPaymentMethodChanged(SUB, MEMBER, "bk_01hx7k0001", "cust_new", BILLING_KEY_ID));

        assertThat(folded.told().get(2)).contains(
                new PaymentsV1.SubscriptionPaymentMethodChanged(SUB, MEMBER, PLAN, "bk_01hx7k0001", at(2)));
    }

    @Test
    void aSuspensionIsPublishedAtTheTimeItHappened() {
        Publishing.Folded folded = fold(started(), new SubscriptionSuspended(SUB, MEMBER, "billing key deleted"));

        assertThat(folded.published()).containsExactly(
                new PaymentsV1.SubscriptionSuspended(SUB, MEMBER, PLAN, "billing key deleted", at(1)));
    }

    @Test
    void aLongHistoryPublishesOnlyChargesDeclinesAndSuspensions() {
        Instant next2 = Instant.parse("2024-06-01T00:00:00Z");
        Instant next3 = Instant.parse("2024-07-01T00:00:00Z");
        Instant retry = Instant.parse("2024-06-02T00:00:00Z");

        Publishing.Folded folded = fold(started(),
                requested(1, 1, 9_900), new SubscriptionChargeOutcomeUnknown(SUB, 1, "sub_" + SUB + "_1", "timeout"),
                charged(1, ANCHOR.plusSeconds(90), next2),
                requested(2, 1, 9_900), failed(2, 1, retry),
                new SubscriptionSuspended(SUB, MEMBER, "card cannot be charged: REJECT_CARD_PAYMENT"),
                new SubscriptionResumed(SUB, MEMBER, Instant.parse("2024-06-03T00:00:00Z")),
                requested(2, 2, 9_900), charged(2, Instant.parse("2024-06-03T00:00:05Z"), next3),
                new SubscriptionCanceled(SUB, MEMBER, "member left"));

        assertThat(folded.published()).extracting(data -> data.getClass().getSimpleName()).containsExactly(
                "SubscriptionCharged", "SubscriptionChargeFailed", "SubscriptionSuspended", "SubscriptionCharged");
        assertThat(folded.published()).allSatisfy(data -> {
            assertThat(data.type()).isEqualTo("grow.payments." + data.getClass().getSimpleName());
            assertThat(data.subject()).isEqualTo(SUB);
        });
        assertThat(folded.last()).isEqualTo(new PaymentsV1.SubscriptionCharged(SUB, MEMBER, PLAN, ORDER_NAME, 2,
                "sub_" + SUB + "_2", "tbill_2", 9_900, "KRW", Instant.parse("2024-06-03T00:00:05Z"), next3));
    }

    @Test
    void startRequestUnknownOutcomeResumeAndCancelPublishNothing() {
        SubscriptionNarrative narrative = SubscriptionNarrative.EMPTY.apply(started());
        for (Object event : List.of(requested(1, 1, 9_900),
                new SubscriptionChargeOutcomeUnknown(SUB, 1, "sub_" + SUB + "_1", "timeout"),
                new SubscriptionResumed(SUB, MEMBER, ANCHOR), new SubscriptionCanceled(SUB, MEMBER, "bye"))) {
            assertThat(narrative.tell(event, at(1))).as("%s", event).isEmpty();
        }
        assertThat(SubscriptionNarrative.EMPTY.tell(started(), at(0))).isEmpty();
    }

    @Test
    void aSubscriptionEventStartsFromTheEmptySubscriptionNarrative() {
        assertThat(Narrative.of(started())).isSameAs(SubscriptionNarrative.EMPTY);
        assertThat(SubscriptionNarrative.EMPTY.apply(started()))
                .isEqualTo(new SubscriptionNarrative(MEMBER, PLAN, ORDER_NAME, Money.won(9_900)));
    }
}
