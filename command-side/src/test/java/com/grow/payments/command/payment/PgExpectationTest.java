package com.grow.payments.command.payment;

import static com.grow.payments.command.payment.PaymentTestData.AMOUNT;
import static com.grow.payments.command.payment.PaymentTestData.APPROVED_AT;
import static com.grow.payments.command.payment.PaymentTestData.CARD;
import static com.grow.payments.command.payment.PaymentTestData.KEY;
import static com.grow.payments.command.payment.PaymentTestData.ORDER;
import static com.grow.payments.command.payment.PaymentTestData.RECEIPT;
import static com.grow.payments.command.payment.PaymentTestData.checkedOut;
import static com.grow.payments.command.payment.PaymentTestData.pg;
import static com.grow.payments.command.payment.PaymentTestData.requested;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.payment.PaymentCommands.ReconcilePayment;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.payment.PaymentNeedsAttention;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPayment.PgVirtualAccount;
import com.grow.payments.shared.payment.PgPaymentStatus;
import com.grow.payments.shared.payment.PgPaymentType;
import com.grow.payments.shared.payment.ReconciliationVerdict;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import com.grow.payments.shared.payment.VirtualAccountRequested;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A look-up moves a payment only when Toss's record is what the payment asked for; otherwise it flags. */
class PgExpectationTest {

    private static final Instant ASKED_AT = Instant.parse("2025-03-01T10:00:30Z");
    private static final Instant DUE = Instant.parse("2025-03-03T10:00:00Z");
    private static final PgVirtualAccount ACCOUNT = new PgVirtualAccount("20", "X1234567890", DUE);

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    private static PgPayment account(PgPaymentStatus status, Money total, PgVirtualAccount account) {
        return new PgPayment(KEY, ORDER, status.name(), total, total, account == null ? "카드" : "가상계좌",
                account == null ? CARD : null, RECEIPT, "tx_deposit", APPROVED_AT, List.of(), null, account, "hash");
    }

    private TestExecutor<Payment> givenAnAccountWaiting() {
        return fixture.givenCurrentTime(ASKED_AT).andGiven(checkedOut(),
                new VirtualAccountRequested(ORDER, "GROW 1개월 멤버십", AMOUNT, "20", "홍길동", null),
                new VirtualAccountIssued(ORDER, KEY, "20", "X1234567890", DUE, "hash"));
    }

    private static ReconcilePayment lookedUp(PgPayment pg) {
        return new ReconcilePayment(ORDER, pg, ASKED_AT.plusSeconds(60));
    }

    @Test
    void a_billing_charge_under_a_checkouts_order_id_is_flagged_not_approved() {
        fixture.givenCurrentTime(ASKED_AT).andGiven(checkedOut(), requested())
                .when(lookedUp(pg(PgPaymentStatus.DONE, AMOUNT, AMOUNT, List.of(), null).ofType(PgPaymentType.BILLING)))
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED)
                .expectEvents(new PaymentNeedsAttention(ORDER, "Toss's record of order " + ORDER
                        + " is a BILLING payment, not a one-time payment"));
    }

    @Test
    void a_record_of_an_unrecognized_type_is_flagged() {
        fixture.givenCurrentTime(ASKED_AT).andGiven(checkedOut(), requested())
                .when(lookedUp(pg(PgPaymentStatus.DONE, AMOUNT, AMOUNT, List.of(), null).ofType(PgPaymentType.UNRECOGNIZED)))
                .expectEvents(new PaymentNeedsAttention(ORDER, "Toss's record of order " + ORDER
                        + " is a UNRECOGNIZED payment, not a one-time payment"));
    }

    @Test
    void a_deposit_of_another_amount_is_flagged_not_recorded() {
        givenAnAccountWaiting()
                .when(lookedUp(account(PgPaymentStatus.DONE, Money.won(100), ACCOUNT)))
                .expectEvents(new PaymentNeedsAttention(ORDER, "Toss's account for order " + ORDER
                        + " is for 100 KRW, the order's is " + AMOUNT));
    }

    @Test
    void a_virtual_account_that_toss_records_as_a_card_payment_is_flagged() {
        givenAnAccountWaiting()
                .when(lookedUp(account(PgPaymentStatus.DONE, AMOUNT, null)))
                .expectEvents(new PaymentNeedsAttention(ORDER, "Toss's record of order " + ORDER
                        + " is paid by 카드, not a virtual account"));
    }

    @Test
    void a_flagged_payment_is_not_flagged_again_and_nothing_moves() {
        givenAnAccountWaiting().andGiven(new PaymentNeedsAttention(ORDER, "earlier"))
                .when(lookedUp(account(PgPaymentStatus.DONE, Money.won(100), ACCOUNT)))
                .expectResultMessagePayload(ReconciliationVerdict.SETTLED)
                .expectNoEvents();
    }

    @Test
    void a_deposit_of_the_orders_amount_is_recorded() {
        givenAnAccountWaiting()
                .when(lookedUp(account(PgPaymentStatus.DONE, AMOUNT, ACCOUNT)))
                .expectEvents(new PaymentDeposited(ORDER, KEY, "tx_deposit", AMOUNT, APPROVED_AT));
    }
}
