package com.grow.payments.sagas.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grow.payments.sagas.billing.BillingKeyVault;
import com.grow.payments.sagas.billing.DunningPolicy;
import com.grow.payments.sagas.billing.InMemoryBillingKeyVault;
import com.grow.payments.sagas.gateway.BillingChargeRequest;
import com.grow.payments.sagas.gateway.ConfirmOutcome;
import com.grow.payments.sagas.gateway.FakePaymentGateway;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.billing.BillingCommands.FlagBillingKeyUnreadable;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPaymentType;
import com.grow.payments.shared.subscription.ChargeOrderIds;
import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import com.grow.payments.shared.subscription.SubscriptionCommands.CheckChargeWanted;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleChargeUnknown;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleCharged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A handler that waits on the PG would hang the build: each test fails at the timeout instead.
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubscriptionChargesTest {

    private static final String SUB = "sub-0001";
    private static final String ORDER_ID = ChargeOrderIds.of(SUB, 1);
    private static final String BILLING_KEY_ID = "bk_test_0001";
    /** Toss's billing key itself, held in the vault only. */
    private static final String TOSS_KEY = "tbk_Secret_9f8e7d6c5b4a";
    private static final String CUSTOMER_KEY = "cust_owner_0001";
    private static final String ORDER_NAME = "GROW 월간 멤버십";
    private static final Money AMOUNT = Money.won(9_900);
    private static final Instant NOW = Instant.parse("2027-01-31T01:00:05Z");
    private static final Instant APPROVED_AT = Instant.parse("2027-01-31T01:00:02Z");
    private static final List<Duration> DELAYS = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));
    private static final Failure REJECTED = new Failure("REJECT_CARD_PAYMENT", "한도초과 혹은 잔액부족");
    private static final Failure EXPIRED_CARD = new Failure("INVALID_CARD_EXPIRATION", "카드 정보를 다시 확인해주세요.");

    private FakePaymentGateway gateway;
    private InMemoryBillingKeyVault vault;
    private RecordingCommandBus bus;
    private boolean wanted;
    private SubscriptionCharges charges;

    @BeforeEach
    void setUp() {
        gateway = new FakePaymentGateway();
        vault = new InMemoryBillingKeyVault();
        vault.store(BILLING_KEY_ID, TOSS_KEY);
        bus = new RecordingCommandBus();
        wanted = true;
        bus.setCallbackBehavior((command, metaData) -> command instanceof CheckChargeWanted ? wanted : null);
        charges = charges(vault);
    }

    private SubscriptionCharges charges(BillingKeyVault vault) {
        return new SubscriptionCharges(gateway, vault, DefaultCommandGateway.builder().commandBus(bus).build(),
                new DunningPolicy(DELAYS, DunningPolicy.DEFAULT_HARD_DECLINES), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The commands that record or flag something (the check before each charge left out). */
    private List<Object> dispatched() {
        return bus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast)
                .filter(command -> !(command instanceof CheckChargeWanted)).toList();
    }

    @Test
    void a_charge_request_charges_the_revealed_key_under_the_cycles_order_id_and_the_attempts_key() {
        charges.on(requested(1));

        assertThat(dispatched()).isEmpty();
        assertThat(gateway.chargeRequests()).containsExactly(new BillingChargeRequest(TOSS_KEY, CUSTOMER_KEY,
                new OrderId("sub_sub-0001_1"), ORDER_NAME, AMOUNT, StepKeys.of("charge", ORDER_ID, 1)));
    }

    @Test
    void each_attempt_has_its_own_idempotency_key_and_a_replayed_attempt_the_same_one() {
        charges.on(requested(1));
        charges.on(requested(2));
        charges.on(requested(1));

        List<String> keys = gateway.chargeRequests().stream().map(BillingChargeRequest::idempotencyKey).toList();
        assertThat(keys).hasSize(3);
        assertThat(keys.get(1)).isNotEqualTo(keys.get(0));
        assertThat(keys.get(2)).isEqualTo(keys.get(0));
        assertThat(gateway.chargeRequests()).extracting(BillingChargeRequest::orderId)
                .containsOnly(new OrderId(ORDER_ID));
    }

    @Test
    void an_approval_is_recorded_with_tosss_payment_key_amount_and_approval_time() {
        gateway.answersCharge(new ConfirmOutcome.Approved(new PgPayment(new PaymentKey("tbill_pay_1"),
                new OrderId(ORDER_ID), "DONE", AMOUNT, AMOUNT, "카드", null, null, "tx_1", APPROVED_AT, List.of(), null).ofType(PgPaymentType.BILLING)));

        charges.on(requested(1));

        assertThat(dispatched()).containsExactly(new RecordCycleCharged(SUB, 1, ORDER_ID, "tbill_pay_1", AMOUNT, APPROVED_AT,
                PgPaymentType.BILLING));
    }

    @Test
    void a_decline_a_retry_may_fix_is_recorded_as_soft_with_the_dunning_delays() {
        gateway.answersCharge(new ConfirmOutcome.Declined(REJECTED));

        charges.on(requested(1));

        assertThat(dispatched()).containsExactly(new RecordCycleChargeFailed(SUB, 1, REJECTED, false, NOW, DELAYS));
    }

    @Test
    void an_expired_card_is_recorded_as_a_hard_decline() {
        gateway.answersCharge(new ConfirmOutcome.Declined(EXPIRED_CARD));

        charges.on(requested(1));

        assertThat(dispatched()).containsExactly(new RecordCycleChargeFailed(SUB, 1, EXPIRED_CARD, true, NOW, DELAYS));
    }

    @Test
    void an_expired_answer_is_recorded_as_a_decline_with_its_failure() {
        Failure expired = new Failure("NOT_FOUND_PAYMENT_SESSION", "결제 시간이 만료되었습니다");
        gateway.answersCharge(new ConfirmOutcome.Expired(expired));

        charges.on(requested(1));

        assertThat(dispatched()).containsExactly(new RecordCycleChargeFailed(SUB, 1, expired, false, NOW, DELAYS));
    }

    @Test
    void no_answer_from_toss_is_recorded_as_unknown_not_as_a_decline() {
        gateway.answersCharge(new ConfirmOutcome.Unknown("TIMEOUT"));

        charges.on(requested(1));

        assertThat(dispatched()).containsExactly(new RecordCycleChargeUnknown(SUB, 1, "TIMEOUT"));
    }

    @Test
    void a_key_gone_from_the_vault_is_a_hard_decline_without_calling_toss() {
        vault.destroy(BILLING_KEY_ID);
        gateway.answersCharge(new ConfirmOutcome.Unknown("must not be asked"));

        charges.on(requested(1));

        assertThat(dispatched()).containsExactly(new RecordCycleChargeFailed(SUB, 1,
                new Failure("BILLING_KEY_DELETED", "the card's billing key was deleted"), true, NOW, DELAYS));
        assertThat(gateway.chargeRequests()).isEmpty();
    }

    @Test
    void a_key_that_does_not_decrypt_is_a_hard_decline_and_flags_the_key_without_calling_toss() {
        gateway.answersCharge(new ConfirmOutcome.Unknown("must not be asked"));
        SubscriptionCharges unreadable = charges(new InMemoryBillingKeyVault() {
            @Override
            public Optional<String> reveal(String billingKeyId) {
                throw new UnreadableBillingKeyException("billing key " + billingKeyId + " does not decrypt");
            }
        });

        unreadable.on(requested(1));

        assertThat(dispatched()).containsExactly(new FlagBillingKeyUnreadable(BILLING_KEY_ID),
                new RecordCycleChargeFailed(SUB, 1, new Failure(SubscriptionCharges.UNREADABLE,
                        "the card's billing key cannot be read; an operator must look at it"), true, NOW, DELAYS));
        assertThat(gateway.chargeRequests()).isEmpty();
    }

    @Test
    void any_other_failure_to_read_the_vault_reaches_the_processor_to_be_dead_lettered() {
        SubscriptionCharges broken = charges(new InMemoryBillingKeyVault() {
            @Override
            public Optional<String> reveal(String billingKeyId) {
                throw new IllegalStateException("the vault's table is away");
            }
        });

        assertThatThrownBy(() -> broken.on(requested(1))).isInstanceOf(IllegalStateException.class);
        assertThat(dispatched()).isEmpty();
        assertThat(gateway.chargeRequests()).isEmpty();
    }

    @Test
    void an_attempt_the_subscription_no_longer_waits_for_is_not_charged() {
        wanted = false;

        charges.on(requested(1));

        assertThat(bus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast).toList())
                .containsExactly(new CheckChargeWanted(SUB, 1, 1));
        assertThat(gateway.chargeRequests()).isEmpty();
    }

    @Test
    void a_pg_that_never_answers_neither_blocks_the_handler_nor_dispatches_a_command() {
        charges.on(requested(1));

        assertThat(dispatched()).isEmpty();
    }

    private static SubscriptionChargeRequested requested(int attempt) {
        return new SubscriptionChargeRequested(SUB, 1, ORDER_ID, attempt, "member-owner", BILLING_KEY_ID, CUSTOMER_KEY,
                ORDER_NAME, AMOUNT);
    }
}
