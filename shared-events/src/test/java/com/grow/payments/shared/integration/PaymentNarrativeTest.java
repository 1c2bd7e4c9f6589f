package com.grow.payments.shared.integration;

import static com.grow.payments.shared.integration.Publishing.at;
import static com.grow.payments.shared.integration.Publishing.fold;
import static com.grow.payments.shared.integration.Publishing.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.CardSummary;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCancelRefused;
import com.grow.payments.shared.payment.PaymentCancelRequested;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentConfirmationRequested;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentDepositReversed;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentNeedsAttention;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.RefundAccount;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import com.grow.payments.shared.payment.VirtualAccountRequested;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PaymentNarrativeTest {

    static final OrderId ORDER = new OrderId("ord_01hx7kq2m9abcdef");
    static final MemberId MEMBER = new MemberId("member-42");
    static final String ORDER_NAME = "GROW 프리미엄 코칭 3회";
    static final PaymentKey KEY = new PaymentKey("tgen_20240501090000AbCd");
    static final PaymentKey VA_KEY = new PaymentKey("tviva20240501090000XyZw");
    static final String RECEIPT = "https://dashboard.tosspayments.com/receipt/redirection?transactionId=tx-approve";
    static final Instant APPROVED_AT = Instant.parse("2024-05-01T09:01:30Z");
    static final Instant DEPOSITED_AT = Instant.parse("2024-05-02T13:20:00Z");
    static final Instant DUE = Instant.parse("2024-05-04T09:00:00Z");
    static final CardSummary CARD = new CardSummary("61", "31", "5570********1234", "신용", 0, "00000000");
    static final String SECRET_HASH = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final RefundAccount REFUND_TO = new RefundAccount("088", "11012345678", "홍길동");
    static final String COMPENSATION_MESSAGE =
            "Toss approved the payment but it could not stand; the approval was refunded in full";

    // ---- domain events of one order -------------------------------------------------------------

    static PaymentCheckedOut checkedOut(long won) {
        return new PaymentCheckedOut(ORDER, MEMBER, ORDER_NAME, Money.won(won), Publishing.T0);
    }

    static PaymentConfirmationRequested confirmationRequested(long won) {
        return new PaymentConfirmationRequested(ORDER, KEY, Money.won(won));
    }

    static PaymentApproved approved(long won) {
        return new PaymentApproved(ORDER, KEY, Money.won(won), "카드", CARD, RECEIPT, "tx-approve", APPROVED_AT);
    }

    static PaymentCancelRequested cancelRequested(PaymentKey key, String cancelId, long won, RefundAccount to) {
        return new PaymentCancelRequested(ORDER, key, cancelId, reason(cancelId), Money.won(won), to);
    }

    static PaymentCancelled cancelled(String cancelId, long won, long balanceAfter) {
        return new PaymentCancelled(ORDER, cancelId, "tx-" + cancelId, Money.won(won), reason(cancelId),
                canceledAt(cancelId), Money.won(balanceAfter));
    }

    static String reason(String cancelId) {
        return "고객 요청 " + cancelId;
    }

    static Instant canceledAt(String cancelId) {
        return Instant.parse("2024-05-03T10:00:00Z").plusSeconds(cancelId.hashCode() & 0xffff);
    }

    static VirtualAccountRequested accountRequested(long won) {
        return new VirtualAccountRequested(ORDER, ORDER_NAME, Money.won(won), "088", "홍길동", 72);
    }

    static VirtualAccountIssued accountIssued() {
        return new VirtualAccountIssued(ORDER, VA_KEY, "088", "X6512345678901", DUE, SECRET_HASH);
    }

    static PaymentDeposited deposited(long won) {
        return new PaymentDeposited(ORDER, VA_KEY, "tx-deposit", Money.won(won), DEPOSITED_AT);
    }

    static PaymentDepositReversed depositReversed() {
        return new PaymentDepositReversed(ORDER, VA_KEY, "Toss reported a deposit error");
    }

    static List<Object> cardApproved(long won) {
        return new ArrayList<>(List.of(checkedOut(won), confirmationRequested(won), approved(won)));
    }

    static List<Object> accountIssuedFor(long won) {
        return new ArrayList<>(List.of(checkedOut(won), accountRequested(won), accountIssued()));
    }

    static List<Object> then(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(Arrays.asList(more));
        return events;
    }

    // ---- card payments ---------------------------------------------------------------------------

    @Nested
    class CardPayment {

        @Test
        void anApprovalIsPublishedOnceWithWhoAndWhatFromTheCheckout() {
            Publishing.Folded folded = fold(cardApproved(50_000));

            assertThat(folded.told().subList(0, 2)).allMatch(Optional::isEmpty);
            assertThat(folded.published()).containsExactly(new PaymentsV1.PaymentApproved(ORDER.value(),
                    MEMBER.value(), ORDER_NAME, KEY.value(), "카드", 50_000, "KRW", "DONE", APPROVED_AT, RECEIPT));
            assertThat(folded.payment().paid()).isEqualTo(50_000);
        }

        @Test
        void aPartialCancelThenTheRestArePublishedAsPartialCanceledThenCanceled() {
            Publishing.Folded folded = fold(then(cardApproved(50_000),
                    cancelRequested(KEY, "c1", 20_000, null), cancelled("c1", 20_000, 30_000),
                    cancelRequested(KEY, "c2", 30_000, null), cancelled("c2", 30_000, 0)));

            assertThat(folded.published()).hasSize(3);
            assertThat(folded.told().get(4)).contains(new PaymentsV1.PaymentCanceled(ORDER.value(), MEMBER.value(),
                    ORDER_NAME, KEY.value(), 20_000, 50_000, 30_000, "KRW", "PARTIAL_CANCELED", reason("c1"),
                    canceledAt("c1"), "tx-c1"));
            assertThat(folded.told().get(6)).contains(new PaymentsV1.PaymentCanceled(ORDER.value(), MEMBER.value(),
                    ORDER_NAME, KEY.value(), 30_000, 50_000, 0, "KRW", "CANCELED", reason("c2"),
                    canceledAt("c2"), "tx-c2"));
            assertThat(folded.payment().paid()).isZero();
        }

        @Test
        void aDeclineIsPublishedAsAbortedWithTossCodeAndNothingRefunded() {
            Failure failure = new Failure("REJECT_CARD_COMPANY", "카드사에서 승인을 거절했습니다");

            List<PaymentsV1.Data> published = publish(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentDeclined(ORDER, KEY, failure));

            assertThat(published).containsExactly(new PaymentsV1.PaymentFailed(ORDER.value(), MEMBER.value(),
                    ORDER_NAME, KEY.value(), 50_000, "KRW", "ABORTED", "REJECT_CARD_COMPANY",
                    "카드사에서 승인을 거절했습니다", 0, at(2)));
        }

        @Test
        void anExpiryIsPublishedAsExpired() {
            Failure failure = new Failure("NOT_FOUND_PAYMENT", "Toss has no payment for this order");

            List<PaymentsV1.Data> published = publish(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentOutcomeUnknown(ORDER, KEY, "read timed out"), new PaymentExpired(ORDER, KEY, failure));

            assertThat(published).containsExactly(new PaymentsV1.PaymentFailed(ORDER.value(), MEMBER.value(),
                    ORDER_NAME, KEY.value(), 50_000, "KRW", "EXPIRED", "NOT_FOUND_PAYMENT",
                    "Toss has no payment for this order", 0, at(3)));
        }

        @Test
        void anApprovalAfterAnUnknownOutcomeIsPublishedOnce() {
            List<PaymentsV1.Data> published = publish(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentOutcomeUnknown(ORDER, KEY, "read timed out"), approved(50_000));

            assertThat(published).singleElement().isInstanceOf(PaymentsV1.PaymentApproved.class);
        }

        @Test
        void refusedAndUnknownCancelsPublishNothingAndRefundNothing() {
            Publishing.Folded folded = fold(then(cardApproved(50_000),
                    cancelRequested(KEY, "c1", 10_000, null),
                    new PaymentCancelRefused(ORDER, "c1", new Failure("NOT_CANCELABLE_AMOUNT", "취소할 수 없는 금액")),
                    cancelRequested(KEY, "c2", 10_000, null),
                    new PaymentCancelOutcomeUnknown(ORDER, "c2", "read timed out"),
                    new PaymentNeedsAttention(ORDER, "cancel outcome unknown for 1 hour"),
                    cancelled("c2", 10_000, 40_000)));

            assertThat(folded.told().subList(3, 8)).allMatch(Optional::isEmpty);
            assertThat(folded.published()).hasSize(2).last().isEqualTo(new PaymentsV1.PaymentCanceled(ORDER.value(),
                    MEMBER.value(), ORDER_NAME, KEY.value(), 10_000, 50_000, 40_000, "KRW", "PARTIAL_CANCELED",
                    reason("c2"), canceledAt("c2"), "tx-c2"));
            assertThat(folded.payment().paid()).isEqualTo(40_000);
        }
    }

    // ---- virtual accounts -------------------------------------------------------------------------

    @Nested
    class VirtualAccount {

        @Test
        void anIssuedAccountIsPublishedWithBankNumberDueDateAndAmount() {
            Publishing.Folded folded = fold(accountIssuedFor(30_000));

            assertThat(folded.told().subList(0, 2)).allMatch(Optional::isEmpty);
            assertThat(folded.published()).containsExactly(new PaymentsV1.VirtualAccountIssued(ORDER.value(),
                    MEMBER.value(), ORDER_NAME, VA_KEY.value(), 30_000, "KRW", "WAITING_FOR_DEPOSIT", "088",
                    "X6512345678901", DUE));
        }

        @Test
        void theWebhookSecretHashIsNeverPublished() {
            PaymentsV1.Data issued = fold(accountIssuedFor(30_000)).only();

            assertThat(Arrays.stream(issued.getClass().getRecordComponents()).map(RecordComponent::getName))
                    .isNotEmpty()
                    .noneMatch(name -> name.toLowerCase().contains("secret"));
            assertThat(issued.toString()).doesNotContain(SECRET_HASH);
        }

        @Test
        void aDepositIsPublishedAsVirtualAccountDeposited() {
            Publishing.Folded folded = fold(then(accountIssuedFor(30_000), deposited(30_000)));

            assertThat(folded.told().get(3)).contains(new PaymentsV1.VirtualAccountDeposited(ORDER.value(),
                    MEMBER.value(), ORDER_NAME, VA_KEY.value(), 30_000, "KRW", "DONE", DEPOSITED_AT));
            assertThat(folded.payment().paid()).isEqualTo(30_000);
        }

        @Test
        void aReversedDepositTakesBackTheDepositedAmount() {
            Publishing.Folded folded = fold(then(accountIssuedFor(30_000), deposited(30_000), depositReversed()));

            assertThat(folded.published()).hasSize(3);
            assertThat(folded.told().get(4)).contains(new PaymentsV1.VirtualAccountDepositReversed(ORDER.value(),
                    MEMBER.value(), ORDER_NAME, VA_KEY.value(), 30_000, "KRW", "WAITING_FOR_DEPOSIT",
                    "Toss reported a deposit error", at(4)));
            assertThat(folded.payment().paid()).isZero();
        }

        @Test
        void anUnpaidAccountPastItsDueDateIsPublishedAsVirtualAccountExpiredNotAsAFailure() {
            Publishing.Folded folded = fold(then(accountIssuedFor(30_000),
                    new PaymentExpired(ORDER, VA_KEY, new Failure("EXPIRED", "the account's due date passed"))));

            assertThat(folded.published()).hasSize(2).noneMatch(PaymentsV1.PaymentFailed.class::isInstance);
            assertThat(folded.last()).isEqualTo(new PaymentsV1.VirtualAccountExpired(ORDER.value(), MEMBER.value(),
                    ORDER_NAME, VA_KEY.value(), 30_000, "KRW", "EXPIRED", DUE, at(3)));
        }

        @Test
        void anAccountWhoseDepositWasReversedExpiresAsAnAccount() {
            Publishing.Folded folded = fold(then(accountIssuedFor(30_000), deposited(30_000), depositReversed(),
                    new PaymentExpired(ORDER, VA_KEY, new Failure("EXPIRED", "the account's due date passed"))));

            assertThat(folded.last()).isEqualTo(new PaymentsV1.VirtualAccountExpired(ORDER.value(), MEMBER.value(),
                    ORDER_NAME, VA_KEY.value(), 30_000, "KRW", "EXPIRED", DUE, at(5)));
        }

        @Test
        void anAccountTossNeverOpenedExpiresAsAFailedPayment() {
            Failure failure = new Failure("NOT_FOUND_PAYMENT", "Toss opened no account");

            List<PaymentsV1.Data> published = publish(checkedOut(30_000), accountRequested(30_000),
                    new PaymentExpired(ORDER, null, failure));

            assertThat(published).containsExactly(new PaymentsV1.PaymentFailed(ORDER.value(), MEMBER.value(),
                    ORDER_NAME, null, 30_000, "KRW", "EXPIRED", "NOT_FOUND_PAYMENT", "Toss opened no account", 0,
                    at(2)));
        }

        @Test
        void anAccountTossRefusedToOpenIsPublishedAsAborted() {
            Failure failure = new Failure("INVALID_BANK", "유효하지 않은 은행입니다");

            List<PaymentsV1.Data> published = publish(checkedOut(30_000), accountRequested(30_000),
                    new PaymentDeclined(ORDER, null, failure));

            assertThat(published).containsExactly(new PaymentsV1.PaymentFailed(ORDER.value(), MEMBER.value(),
                    ORDER_NAME, null, 30_000, "KRW", "ABORTED", "INVALID_BANK", "유효하지 않은 은행입니다", 0, at(2)));
        }

        @Test
        void cancellingAnUnpaidAccountRefundsNothing() {
            Publishing.Folded folded = fold(then(accountIssuedFor(30_000),
                    cancelRequested(VA_KEY, "c1", 30_000, null), cancelled("c1", 30_000, 0)));

            assertThat(folded.last()).isEqualTo(new PaymentsV1.PaymentCanceled(ORDER.value(), MEMBER.value(),
                    ORDER_NAME, VA_KEY.value(), 0, 30_000, 0, "KRW", "CANCELED", reason("c1"), canceledAt("c1"),
                    "tx-c1"));
            assertThat(folded.payment().paid()).isZero();
        }

        @Test
        void refundingAPaidAccountPublishesTheRefund() {
            Publishing.Folded folded = fold(then(accountIssuedFor(30_000), deposited(30_000),
                    cancelRequested(VA_KEY, "c1", 12_000, REFUND_TO), cancelled("c1", 12_000, 18_000),
                    cancelRequested(VA_KEY, "c2", 18_000, REFUND_TO), cancelled("c2", 18_000, 0)));

            assertThat(folded.told().get(5)).contains(new PaymentsV1.PaymentCanceled(ORDER.value(), MEMBER.value(),
                    ORDER_NAME, VA_KEY.value(), 12_000, 30_000, 18_000, "KRW", "PARTIAL_CANCELED", reason("c1"),
                    canceledAt("c1"), "tx-c1"));
            assertThat(folded.told().get(7)).contains(new PaymentsV1.PaymentCanceled(ORDER.value(), MEMBER.value(),
                    ORDER_NAME, VA_KEY.value(), 18_000, 30_000, 0, "KRW", "CANCELED", reason("c2"),
                    canceledAt("c2"), "tx-c2"));
            assertThat(folded.payment().paid()).isZero();
        }
    }

    // ---- compensation -----------------------------------------------------------------------------

    @Nested
    class Compensation {

        @Test
        void anApprovalThatCouldNotStandIsPublishedOnceAsCanceledWithTheRefund() {
            Publishing.Folded folded = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentCompensationStarted(ORDER, KEY, Money.won(45_000), "AMOUNT_MISMATCH"),
                    new PaymentCompensated(ORDER, "AMOUNT_MISMATCH", "tx-comp", Money.won(45_000),
                            Instant.parse("2024-05-01T09:02:00Z")));

            assertThat(folded.published()).containsExactly(new PaymentsV1.PaymentFailed(ORDER.value(),
                    MEMBER.value(), ORDER_NAME, KEY.value(), 50_000, "KRW", "CANCELED", "AMOUNT_MISMATCH",
                    COMPENSATION_MESSAGE, 45_000, at(3)));
            assertThat(folded.told().get(2)).isEmpty();
            assertThat(folded.payment().paid()).isZero();
        }

        @Test
        void aCompensationAfterAnUnknownOutcomeIsPublishedOnce() {
            List<PaymentsV1.Data> published = publish(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentOutcomeUnknown(ORDER, KEY, "read timed out"),
                    new PaymentCompensationStarted(ORDER, KEY, Money.won(45_000), "AMOUNT_MISMATCH"),
                    new PaymentNeedsAttention(ORDER, "compensation refund not confirmed"),
                    new PaymentCompensated(ORDER, "AMOUNT_MISMATCH", "tx-comp", Money.won(45_000),
                            Instant.parse("2024-05-01T09:30:00Z")));

            assertThat(published).containsExactly(new PaymentsV1.PaymentFailed(ORDER.value(), MEMBER.value(),
                    ORDER_NAME, KEY.value(), 50_000, "KRW", "CANCELED", "AMOUNT_MISMATCH", COMPENSATION_MESSAGE,
                    45_000, at(5)));
        }

        @Test
        void aLateApprovalOfADeclinedPaymentIsRefundedWithoutPublishingAgain() {
            Publishing.Folded folded = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentDeclined(ORDER, KEY, new Failure("REJECT_CARD_COMPANY", "거절")),
                    new PaymentCompensationStarted(ORDER, KEY, Money.won(50_000), "APPROVED_AFTER_ABORTED"),
                    new PaymentCompensated(ORDER, "APPROVED_AFTER_ABORTED", "tx-comp", Money.won(50_000),
                            Instant.parse("2024-05-01T09:05:00Z")));

            assertThat(folded.published()).singleElement()
                    .isInstanceOfSatisfying(PaymentsV1.PaymentFailed.class, failed -> {
                        assertThat(failed.status()).isEqualTo("ABORTED");
                        assertThat(failed.failedAt()).isEqualTo(at(2));
                    });
            assertThat(folded.told().subList(3, 5)).allMatch(Optional::isEmpty);
            assertThat(folded.payment().paid()).isZero();
        }

        @Test
        void aLateApprovalOfAnExpiredPaymentIsRefundedWithoutPublishingAgain() {
            Publishing.Folded folded = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentExpired(ORDER, KEY, new Failure("NOT_FOUND_PAYMENT", "none")),
                    new PaymentCompensationStarted(ORDER, KEY, Money.won(50_000), "APPROVED_AFTER_EXPIRED"),
                    new PaymentCompensated(ORDER, "APPROVED_AFTER_EXPIRED", "tx-comp", Money.won(50_000),
                            Instant.parse("2024-05-01T09:25:00Z")));

            assertThat(folded.published()).singleElement()
                    .isInstanceOfSatisfying(PaymentsV1.PaymentFailed.class,
                            failed -> assertThat(failed.status()).isEqualTo("EXPIRED"));
        }
    }

    // ---- events that publish nothing ------------------------------------------------------------

    static Stream<Arguments> silentEvents() {
        return Stream.of(
                Arguments.of(new PaymentOutcomeUnknown(ORDER, KEY, "read timed out")),
                Arguments.of(cancelRequested(KEY, "c1", 10_000, null)),
                Arguments.of(new PaymentCancelRefused(ORDER, "c1", new Failure("FORBIDDEN_REQUEST", "no"))),
                Arguments.of(new PaymentCancelOutcomeUnknown(ORDER, "c1", "read timed out")),
                Arguments.of(new PaymentNeedsAttention(ORDER, "stuck")),
                Arguments.of(new PaymentCompensationStarted(ORDER, KEY, Money.won(50_000), "AMOUNT_MISMATCH")),
                Arguments.of(accountRequested(50_000)));
    }

    @ParameterizedTest
    @MethodSource("silentEvents")
    void someEventsPublishNothingAndChangeNothingTheLanguageRemembers(Object event) {
        for (List<Object> history : List.of(List.<Object>of(checkedOut(50_000)),
                List.<Object>of(checkedOut(50_000), confirmationRequested(50_000)), cardApproved(50_000),
                accountIssuedFor(50_000))) {
            PaymentNarrative before = fold(history).payment();

            assertThat(before.tell(event, at(99))).as("%s after %s", event, history).isEmpty();
            assertThat(before.apply(event)).isEqualTo(before);
        }
    }

    @Test
    void checkoutAndConfirmationRequestPublishNothing() {
        assertThat(PaymentNarrative.EMPTY.tell(checkedOut(50_000), at(0))).isEmpty();
        PaymentNarrative checkedOut = PaymentNarrative.EMPTY.apply(checkedOut(50_000));
        assertThat(checkedOut.tell(confirmationRequested(50_000), at(1))).isEmpty();
        assertThat(checkedOut.tell(accountRequested(50_000), at(1))).isEmpty();
    }

    @Test
    void aPaymentEventStartsFromTheEmptyPaymentNarrative() {
        assertThat(Narrative.of(checkedOut(50_000))).isSameAs(PaymentNarrative.EMPTY);
        assertThat(Narrative.of(new PaymentNeedsAttention(ORDER, "x"))).isSameAs(PaymentNarrative.EMPTY);
    }

    // ---- the money invariant -----------------------------------------------------------------------

    static Stream<Arguments> histories() {
        Failure declined = new Failure("REJECT_CARD_COMPANY", "거절");
        return Stream.of(
                Arguments.of("card approved", cardApproved(50_000)),
                Arguments.of("card partly cancelled", then(cardApproved(50_000),
                        cancelRequested(KEY, "c1", 20_000, null), cancelled("c1", 20_000, 30_000))),
                Arguments.of("card cancelled in two steps", then(cardApproved(50_000),
                        cancelRequested(KEY, "c1", 20_000, null), cancelled("c1", 20_000, 30_000),
                        cancelRequested(KEY, "c2", 30_000, null), cancelled("c2", 30_000, 0))),
                Arguments.of("card cancelled three times, some refused", then(cardApproved(50_000),
                        cancelRequested(KEY, "c1", 5_000, null), cancelled("c1", 5_000, 45_000),
                        cancelRequested(KEY, "c2", 5_000, null),
                        new PaymentCancelRefused(ORDER, "c2", declined),
                        cancelRequested(KEY, "c3", 15_000, null), cancelled("c3", 15_000, 30_000),
                        cancelRequested(KEY, "c4", 10_000, null), cancelled("c4", 10_000, 20_000))),
                Arguments.of("card declined", List.of(checkedOut(50_000), confirmationRequested(50_000),
                        new PaymentDeclined(ORDER, KEY, declined))),
                Arguments.of("card compensated", List.of(checkedOut(50_000), confirmationRequested(50_000),
                        new PaymentCompensationStarted(ORDER, KEY, Money.won(45_000), "AMOUNT_MISMATCH"),
                        new PaymentCompensated(ORDER, "AMOUNT_MISMATCH", "tx-comp", Money.won(45_000), APPROVED_AT))),
                Arguments.of("declined then compensated", List.of(checkedOut(50_000), confirmationRequested(50_000),
                        new PaymentDeclined(ORDER, KEY, declined),
                        new PaymentCompensationStarted(ORDER, KEY, Money.won(50_000), "APPROVED_AFTER_ABORTED"),
                        new PaymentCompensated(ORDER, "APPROVED_AFTER_ABORTED", "tx-comp", Money.won(50_000),
                                APPROVED_AT))),
                Arguments.of("account deposited", then(accountIssuedFor(30_000), deposited(30_000))),
                Arguments.of("account deposited, reversed", then(accountIssuedFor(30_000), deposited(30_000),
                        depositReversed())),
                Arguments.of("account deposited, reversed, deposited, partly refunded",
                        then(accountIssuedFor(30_000), deposited(30_000), depositReversed(), deposited(30_000),
                                cancelRequested(VA_KEY, "c1", 10_000, REFUND_TO), cancelled("c1", 10_000, 20_000))),
                Arguments.of("account deposited, reversed, expired", then(accountIssuedFor(30_000),
                        deposited(30_000), depositReversed(),
                        new PaymentExpired(ORDER, VA_KEY, new Failure("EXPIRED", "due date passed")))),
                Arguments.of("unpaid account cancelled", then(accountIssuedFor(30_000),
                        cancelRequested(VA_KEY, "c1", 30_000, null), cancelled("c1", 30_000, 0))),
                Arguments.of("paid account refunded in full", then(accountIssuedFor(30_000), deposited(30_000),
                        cancelRequested(VA_KEY, "c1", 30_000, REFUND_TO), cancelled("c1", 30_000, 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void whatAConsumerAddsUpIsWhatTheMemberHasPaid(String name, List<Object> history) {
        Publishing.Folded folded = fold(history);

        long in = 0;
        long out = 0;
        long canceled = 0;
        PaymentsV1.PaymentCanceled lastCancel = null;
        for (PaymentsV1.Data data : folded.published()) {
            if (data instanceof PaymentsV1.PaymentApproved d) {
                in += d.amount();
            } else if (data instanceof PaymentsV1.VirtualAccountDeposited d) {
                in += d.amount();
            } else if (data instanceof PaymentsV1.VirtualAccountDepositReversed d) {
                out += d.amount();
            } else if (data instanceof PaymentsV1.PaymentCanceled d) {
                out += d.cancelAmount();
                canceled += d.cancelAmount();
                lastCancel = d;
            }
        }

        long paid = folded.payment().paid();
        assertThat(in - out).as("approved + deposited - cancelled - reversed").isEqualTo(paid);
        assertThat(paid).isNotNegative();
        if (in > 0 && lastCancel != null) {
            // a paid payment: what is left at Toss is what the member has paid, the rest went back
            assertThat(lastCancel.balanceAmount()).as("final balance").isEqualTo(paid);
            assertThat(lastCancel.totalAmount() - lastCancel.balanceAmount()).as("total - final balance")
                    .isEqualTo(canceled);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void everyPublishedEventIsTypedByItsNameAndKeyedByTheOrder(String name, List<Object> history) {
        assertThat(fold(history).published()).isNotEmpty().allSatisfy(data -> {
            assertThat(data.type()).isEqualTo("grow.payments." + data.getClass().getSimpleName());
            assertThat(data.subject()).isEqualTo(ORDER.value());
        });
    }
}
