package com.grow.payments.command.payment;

import static com.grow.payments.command.payment.PaymentTestData.AMOUNT;
import static com.grow.payments.command.payment.PaymentTestData.APPROVED_AT;
import static com.grow.payments.command.payment.PaymentTestData.KEY;
import static com.grow.payments.command.payment.PaymentTestData.ORDER;
import static com.grow.payments.command.payment.PaymentTestData.approved;
import static com.grow.payments.command.payment.PaymentTestData.checkedOut;
import static com.grow.payments.command.payment.PaymentTestData.owner;
import static com.grow.payments.command.payment.PaymentTestData.rejectedWith;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.cashreceipt.CashReceiptCanceled;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptCanceled;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptIssueFailed;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptIssued;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptUnknown;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RequestCashReceipt;
import com.grow.payments.shared.cashreceipt.CashReceiptIssueFailed;
import com.grow.payments.shared.cashreceipt.CashReceiptIssued;
import com.grow.payments.shared.cashreceipt.CashReceiptOutcomeUnknown;
import com.grow.payments.shared.cashreceipt.CashReceiptRequested;
import com.grow.payments.shared.cashreceipt.CashReceiptStatus;
import com.grow.payments.shared.cashreceipt.CashReceiptType;
import com.grow.payments.shared.cashreceipt.PgCashReceipt;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.payment.PgPaymentMethod;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import com.grow.payments.shared.payment.VirtualAccountRequested;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The payment's cash receipt: asked once, settled by Toss's answer or look-up, cancelled with the payment. */
class PaymentCashReceiptTest {

    private static final String MASKED = "*******5432";
    private static final String DAY = "2025-03-01";
    private static final Instant AT = APPROVED_AT.plusSeconds(60);
    private static final PgCashReceipt RECEIPT = new PgCashReceipt("rcpt_1", ORDER.value(),
            CashReceiptType.INCOME_DEDUCTION, AMOUNT.amount(), 0, CashReceiptStatus.COMPLETED, "123456789",
            "https://receipt", false, AT);

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    private static Object[] paidAccount() {
        return new Object[] {checkedOut(), new VirtualAccountRequested(ORDER, "Piano class", AMOUNT, "20", "김그로", null),
                new VirtualAccountIssued(ORDER, KEY, "20", "12345678901234", AT.plusSeconds(86_400), "hash"),
                new PaymentDeposited(ORDER, KEY, "tx_deposit", AMOUNT, APPROVED_AT)};
    }

    private static RequestCashReceipt request(Caller caller) {
        return new RequestCashReceipt(ORDER, caller, CashReceiptType.INCOME_DEDUCTION, MASKED, DAY);
    }

    private static CashReceiptRequested requested(int attempt) {
        return new CashReceiptRequested(ORDER, CashReceiptType.INCOME_DEDUCTION, MASKED, AMOUNT, checkedOut().orderName(), DAY,
                attempt);
    }

    private static CashReceiptIssued issued() {
        return new CashReceiptIssued(ORDER, "rcpt_1", CashReceiptType.INCOME_DEDUCTION, AMOUNT, 0,
                CashReceiptStatus.COMPLETED, "123456789", "https://receipt", AT);
    }

    @Test
    void a_paid_virtual_account_takes_a_receipt_for_what_is_paid() {
        fixture.given(paidAccount())
                .when(request(owner()))
                .expectEvents(requested(1));
    }

    @Test
    void a_second_request_while_one_stands_changes_nothing() {
        fixture.given(paidAccount()).andGiven(requested(1), new CashReceiptOutcomeUnknown(ORDER, "TIMEOUT"))
                .when(request(owner()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_card_payment_takes_no_receipt() {
        fixture.given(checkedOut(), PaymentTestData.requested(), approved())
                .when(request(owner()))
                .expectException(rejectedWith(ErrorCode.CASH_RECEIPT_NOT_APPLICABLE))
                .expectNoEvents();
    }

    @Test
    void a_transfer_takes_one() {
        fixture.given(checkedOut(), PaymentTestData.requested(), new PaymentApproved(ORDER, KEY, AMOUNT,
                        PgPaymentMethod.TRANSFER.tossName(), null, null, "tx_1", APPROVED_AT))
                .when(request(owner()))
                .expectEvents(requested(1));
    }

    @Test
    void an_unpaid_account_takes_none_and_a_stranger_sees_no_payment() {
        fixture.given(checkedOut(), new VirtualAccountRequested(ORDER, "Piano class", AMOUNT, "20", "김그로", null))
                .when(request(owner()))
                .expectException(rejectedWith(ErrorCode.CASH_RECEIPT_NOT_APPLICABLE));
        fixture.given(paidAccount())
                .when(request(new Caller(new MemberId("member-stranger"), false)))
                .expectException(rejectedWith(ErrorCode.PAYMENT_NOT_FOUND));
    }

    @Test
    void a_lost_answer_is_settled_by_the_receipt_the_look_up_found() {
        fixture.given(paidAccount()).andGiven(requested(1), new CashReceiptOutcomeUnknown(ORDER, "TIMEOUT"))
                .when(new RecordCashReceiptIssued(ORDER, RECEIPT, AT))
                .expectEvents(issued());
    }

    @Test
    void a_refusal_lets_the_member_ask_again_under_a_new_attempt() {
        fixture.given(paidAccount()).andGiven(requested(1),
                        new CashReceiptIssueFailed(ORDER, new Failure("INVALID_REQUEST", "bad number")))
                .when(request(owner()))
                .expectEvents(requested(2));
    }

    @Test
    void late_answers_after_the_receipt_stands_change_nothing() {
        fixture.given(paidAccount()).andGiven(requested(1), issued())
                .when(new RecordCashReceiptIssueFailed(ORDER, new Failure("X", "late")))
                .expectNoEvents();
        fixture.given(paidAccount()).andGiven(requested(1), issued())
                .when(new RecordCashReceiptUnknown(ORDER, "late"))
                .expectNoEvents();
    }

    @Test
    void a_cancel_never_takes_more_than_the_receipt_has_left() {
        fixture.given(paidAccount()).andGiven(requested(1), issued(),
                        new CashReceiptCanceled(ORDER, "rcpt_1", Money.won(10_000), Money.won(5_000), AT))
                .when(new RecordCashReceiptCanceled(ORDER, "rcpt_1", Money.won(8_000), AT))
                .expectEvents(new CashReceiptCanceled(ORDER, "rcpt_1", Money.won(5_000), Money.won(0), AT));
    }
}
