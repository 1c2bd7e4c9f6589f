package com.grow.payments.shared.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.PaymentView.CancelView;
import com.grow.payments.shared.payment.PaymentView.VirtualAccountView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The fold that turns one payment's events into what callers see: which status, amounts, cancels
 * and flags each kind of event leaves behind, in the order the events happened.
 */
class PaymentViewTest {

    static final OrderId ORDER = new OrderId("ord_view_fold_01");
    static final MemberId MEMBER = new MemberId("member-7");
    static final PaymentKey KEY = new PaymentKey("tgen_20240501090000Fold");
    static final PaymentKey ACCOUNT_KEY = new PaymentKey("tviva20240501090000Fold");
    static final Instant REQUESTED_AT = Instant.parse("2024-05-01T09:00:00Z");
    static final Instant APPROVED_AT = Instant.parse("2024-05-01T09:01:00Z");
    static final Instant DUE = Instant.parse("2024-05-08T09:00:00Z");
    static final CardSummary CARD = new CardSummary("61", "31", "5570********1234", "신용", 0, "00000000");
    static final String RECEIPT = "https://dashboard.tosspayments.com/receipt/redirection?transactionId=tx-1";
    static final Failure REJECTED = new Failure("REJECT_CARD_PAYMENT", "한도초과 혹은 잔액부족으로 결제에 실패했습니다.");

    // ---- one order's events ---------------------------------------------------------------------

    static PaymentCheckedOut checkedOut(long won) {
        return new PaymentCheckedOut(ORDER, MEMBER, "Ceramics class", Money.won(won), REQUESTED_AT);
    }

    static PaymentConfirmationRequested confirmationRequested(long won) {
        return new PaymentConfirmationRequested(ORDER, KEY, Money.won(won));
    }

    static PaymentApproved approved(long won) {
        return new PaymentApproved(ORDER, KEY, Money.won(won), "카드", CARD, RECEIPT, "tx-approve", APPROVED_AT);
    }

    static PaymentCancelRequested cancelRequested(String cancelId, long won) {
        return new PaymentCancelRequested(ORDER, KEY, cancelId, "seat " + cancelId, Money.won(won), null);
    }

    static PaymentCancelled cancelled(String cancelId, long won, long balanceAfter, int minute) {
        return new PaymentCancelled(ORDER, cancelId, "tx-" + cancelId, Money.won(won), "seat " + cancelId,
                at(minute), Money.won(balanceAfter));
    }

    static VirtualAccountRequested accountRequested(long won) {
        return new VirtualAccountRequested(ORDER, "Ceramics class", Money.won(won), "20", "김그로", 168);
    }

    static VirtualAccountIssued accountIssued() {
        return new VirtualAccountIssued(ORDER, ACCOUNT_KEY, "20", "X0123456789012", DUE, "hash-of-secret");
    }

    static PaymentDeposited deposited(long won, int minute) {
        return new PaymentDeposited(ORDER, ACCOUNT_KEY, "tx-deposit-" + minute, Money.won(won), at(minute));
    }

    static Instant at(int minute) {
        return REQUESTED_AT.plusSeconds(60L * minute);
    }

    static PaymentView fold(Object... events) {
        return PaymentView.fold(List.of(events));
    }

    /** Events that state where the payment is now (not what is added to it): delivered twice, the view is the same. */
    static Stream<Arguments> stateSettingEvents() {
        PaymentView ready = PaymentView.checkedOut(checkedOut(50_000));
        PaymentView inProgress = ready.apply(confirmationRequested(50_000));
        PaymentView paid = inProgress.apply(approved(50_000));
        PaymentView cancelling = paid.apply(cancelRequested("c1", 10_000));
        PaymentView account = ready.apply(accountRequested(50_000)).apply(accountIssued());
        PaymentView deposited = account.apply(deposited(50_000, 90));
        return Stream.of(
                Arguments.of(ready, confirmationRequested(50_000)),
                Arguments.of(inProgress, approved(50_000)),
                Arguments.of(inProgress, new PaymentDeclined(ORDER, KEY, REJECTED)),
                Arguments.of(inProgress, new PaymentExpired(ORDER, KEY, REJECTED)),
                Arguments.of(inProgress, new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT")),
                Arguments.of(ready, accountRequested(50_000)),
                Arguments.of(ready.apply(accountRequested(50_000)), accountIssued()),
                Arguments.of(account, deposited(50_000, 90)),
                Arguments.of(deposited, new PaymentDepositReversed(ORDER, ACCOUNT_KEY, "deposit error")),
                Arguments.of(paid, cancelRequested("c1", 10_000)),
                Arguments.of(cancelling, new PaymentCancelRefused(ORDER, "c1", REJECTED)),
                Arguments.of(cancelling, new PaymentCancelOutcomeUnknown(ORDER, "c1", "TIMEOUT")),
                Arguments.of(paid, new PaymentNeedsAttention(ORDER, "unresolved")),
                Arguments.of(inProgress, new PaymentCompensationStarted(ORDER, KEY, Money.won(50_000), "late")));
    }

    // ---- tests ----------------------------------------------------------------------------------

    @Test
    void a_checkout_opens_a_ready_view_of_the_whole_amount_with_nothing_known_from_toss_yet() {
        PaymentView view = fold(checkedOut(50_000));

        assertThat(view.orderId()).isEqualTo(ORDER.value());
        assertThat(view.memberId()).isEqualTo(MEMBER.value());
        assertThat(view.orderName()).isEqualTo("Ceramics class");
        assertThat(view.status()).isEqualTo(PaymentStatus.READY);
        assertThat(view.totalAmount()).isEqualTo(50_000);
        assertThat(view.balanceAmount()).isEqualTo(50_000);
        assertThat(view.currency()).isEqualTo("KRW");
        assertThat(view.requestedAt()).isEqualTo(REQUESTED_AT);
        assertThat(view.paymentKey()).isNull();
        assertThat(view.method()).isNull();
        assertThat(view.approvedAt()).isNull();
        assertThat(view.cancels()).isEmpty();
        assertThat(view.virtualAccount()).isNull();
        assertThat(view.failure()).isNull();
        assertThat(view.card()).isNull();
        assertThat(view.receiptUrl()).isNull();
        assertThat(view.cancelInProgress()).isFalse();
        assertThat(view.needsAttention()).isFalse();
    }

    @Nested
    class A_card_payment {

        @Test
        void asked_of_toss_is_in_progress_under_the_key_toss_gave() {
            PaymentView view = fold(checkedOut(50_000), confirmationRequested(50_000));

            assertThat(view.status()).isEqualTo(PaymentStatus.IN_PROGRESS);
            assertThat(view.paymentKey()).isEqualTo(KEY.value());
            assertThat(view.balanceAmount()).isEqualTo(50_000);
            assertThat(view.approvedAt()).isNull();
        }

        @Test
        void approved_is_done_for_the_approved_amount_with_card_receipt_and_approval_time() {
            PaymentView view = fold(checkedOut(50_000), confirmationRequested(50_000), approved(50_000));

            assertThat(view.status()).isEqualTo(PaymentStatus.DONE);
            assertThat(view.paymentKey()).isEqualTo(KEY.value());
            assertThat(view.method()).isEqualTo("카드");
            assertThat(view.totalAmount()).isEqualTo(50_000);
            assertThat(view.balanceAmount()).isEqualTo(50_000);
            assertThat(view.approvedAt()).isEqualTo(APPROVED_AT);
            assertThat(view.card()).isEqualTo(CARD);
            assertThat(view.receiptUrl()).isEqualTo(RECEIPT);
            assertThat(view.failure()).isNull();
            assertThat(view.cancels()).isEmpty();
            // what the checkout said stays
            assertThat(view.memberId()).isEqualTo(MEMBER.value());
            assertThat(view.orderName()).isEqualTo("Ceramics class");
            assertThat(view.requestedAt()).isEqualTo(REQUESTED_AT);
        }

        @Test
        void declined_is_aborted_with_tosss_reason_and_no_approval() {
            PaymentView view = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentDeclined(ORDER, KEY, REJECTED));

            assertThat(view.status()).isEqualTo(PaymentStatus.ABORTED);
            assertThat(view.failure()).isEqualTo(REJECTED);
            assertThat(view.paymentKey()).isEqualTo(KEY.value());
            assertThat(view.approvedAt()).isNull();
            assertThat(view.balanceAmount()).isEqualTo(50_000);
        }

        @Test
        void a_decline_or_expiry_without_a_key_keeps_the_key_already_known() {
            PaymentView declined = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentDeclined(ORDER, null, REJECTED));
            PaymentView expired = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentExpired(ORDER, null, new Failure("NOT_FOUND_PAYMENT_SESSION", "late")));
            PaymentView unknown = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentOutcomeUnknown(ORDER, null, "TIMEOUT"));

            assertThat(List.of(declined, expired, unknown)).extracting(PaymentView::paymentKey)
                    .containsOnly(KEY.value());
        }

        @Test
        void expired_carries_the_reason_toss_gave() {
            Failure late = new Failure("NOT_FOUND_PAYMENT_SESSION", "the confirm window closed");
            PaymentView view = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentExpired(ORDER, KEY, late));

            assertThat(view.status()).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(view.failure()).isEqualTo(late);
        }

        @Test
        void with_no_answer_from_toss_is_unknown_with_no_failure_and_no_approval() {
            PaymentView view = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT: no answer from Toss in time"));

            assertThat(view.status()).isEqualTo(PaymentStatus.UNKNOWN);
            assertThat(view.failure()).isNull();
            assertThat(view.approvedAt()).isNull();
            assertThat(view.paymentKey()).isEqualTo(KEY.value());
        }

        @Test
        void unknown_then_approved_by_a_look_up_is_done_like_any_approval() {
            PaymentView direct = fold(checkedOut(50_000), confirmationRequested(50_000), approved(50_000));
            PaymentView lookedUp = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"), approved(50_000));

            assertThat(lookedUp).isEqualTo(direct);
        }
    }

    @Nested
    class Cancels {

        final List<Object> paid = List.of(checkedOut(50_000), confirmationRequested(50_000), approved(50_000));

        PaymentView after(Object... more) {
            List<Object> events = new ArrayList<>(paid);
            events.addAll(List.of(more));
            return PaymentView.fold(events);
        }

        @Test
        void a_cancel_asked_marks_the_payment_cancelling_and_changes_nothing_else() {
            PaymentView before = after();
            PaymentView view = after(cancelRequested("c1", 10_000));

            assertThat(view.cancelInProgress()).isTrue();
            assertThat(view.status()).isEqualTo(PaymentStatus.DONE);
            assertThat(view.balanceAmount()).isEqualTo(50_000);
            assertThat(view.cancels()).isEmpty();
            assertThat(view).isEqualTo(withCancelInProgress(before, true));
        }

        @Test
        void a_partial_cancel_leaves_the_balance_toss_reports_and_records_the_cancel() {
            PaymentView view = after(cancelRequested("c1", 10_000), cancelled("c1", 10_000, 40_000, 5));

            assertThat(view.status()).isEqualTo(PaymentStatus.PARTIAL_CANCELED);
            assertThat(view.totalAmount()).isEqualTo(50_000);
            assertThat(view.balanceAmount()).isEqualTo(40_000);
            assertThat(view.cancels()).containsExactly(new CancelView("tx-c1", 10_000, "seat c1", at(5)));
            assertThat(view.cancelInProgress()).isFalse();
            // the approval is not forgotten
            assertThat(view.approvedAt()).isEqualTo(APPROVED_AT);
            assertThat(view.card()).isEqualTo(CARD);
            assertThat(view.method()).isEqualTo("카드");
        }

        @Test
        void cancels_down_to_a_zero_balance_make_it_canceled_with_every_cancel_in_order() {
            PaymentView view = after(
                    cancelRequested("c1", 10_000), cancelled("c1", 10_000, 40_000, 5),
                    cancelRequested("c2", 15_000), cancelled("c2", 15_000, 25_000, 6),
                    cancelRequested("c3", 25_000), cancelled("c3", 25_000, 0, 7));

            assertThat(view.status()).isEqualTo(PaymentStatus.CANCELED);
            assertThat(view.balanceAmount()).isZero();
            assertThat(view.totalAmount()).isEqualTo(50_000);
            assertThat(view.cancels()).extracting(CancelView::transactionKey).containsExactly("tx-c1", "tx-c2", "tx-c3");
            assertThat(view.cancels()).extracting(CancelView::cancelAmount).containsExactly(10_000L, 15_000L, 25_000L);
            assertThat(view.cancelInProgress()).isFalse();
        }

        @Test
        void a_whole_cancel_at_once_is_canceled() {
            PaymentView view = after(cancelRequested("all", 50_000), cancelled("all", 50_000, 0, 5));

            assertThat(view.status()).isEqualTo(PaymentStatus.CANCELED);
            assertThat(view.balanceAmount()).isZero();
            assertThat(view.cancels()).hasSize(1);
        }

        @Test
        void a_refused_cancel_ends_the_cancelling_and_leaves_status_balance_and_cancels_alone() {
            PaymentView partly = after(cancelRequested("c1", 10_000), cancelled("c1", 10_000, 40_000, 5));
            PaymentView view = after(cancelRequested("c1", 10_000), cancelled("c1", 10_000, 40_000, 5),
                    cancelRequested("c2", 90_000),
                    new PaymentCancelRefused(ORDER, "c2", new Failure("NOT_CANCELABLE_AMOUNT", "too much")));

            assertThat(view).isEqualTo(partly);
            assertThat(view.cancelInProgress()).isFalse();
        }

        @Test
        void a_cancel_whose_answer_is_not_known_stays_cancelling() {
            PaymentView cancelling = after(cancelRequested("c1", 10_000));
            PaymentView view = after(cancelRequested("c1", 10_000),
                    new PaymentCancelOutcomeUnknown(ORDER, "c1", "TIMEOUT"));

            assertThat(view).isEqualTo(cancelling);
            assertThat(view.cancelInProgress()).isTrue();
        }
    }

    @Nested
    class A_virtual_account {

        @Test
        void asked_of_toss_is_in_progress_with_no_account_yet() {
            PaymentView view = fold(checkedOut(30_000), accountRequested(30_000));

            assertThat(view.status()).isEqualTo(PaymentStatus.IN_PROGRESS);
            assertThat(view.virtualAccount()).isNull();
            assertThat(view.paymentKey()).isNull();
        }

        @Test
        void opened_waits_for_the_deposit_into_the_account_toss_gave() {
            PaymentView view = fold(checkedOut(30_000), accountRequested(30_000), accountIssued());

            assertThat(view.status()).isEqualTo(PaymentStatus.WAITING_FOR_DEPOSIT);
            assertThat(view.paymentKey()).isEqualTo(ACCOUNT_KEY.value());
            assertThat(view.method()).isEqualTo("가상계좌");
            assertThat(view.virtualAccount()).isEqualTo(new VirtualAccountView("20", "X0123456789012", DUE));
            assertThat(view.totalAmount()).isEqualTo(30_000);
            assertThat(view.balanceAmount()).isEqualTo(30_000);
            assertThat(view.approvedAt()).isNull();
        }

        @Test
        void paid_is_done_with_the_deposit_as_balance_and_its_time_as_approval() {
            PaymentView view = fold(checkedOut(30_000), accountRequested(30_000), accountIssued(), deposited(30_000, 90));

            assertThat(view.status()).isEqualTo(PaymentStatus.DONE);
            assertThat(view.balanceAmount()).isEqualTo(30_000);
            assertThat(view.approvedAt()).isEqualTo(at(90));
            assertThat(view.virtualAccount()).isEqualTo(new VirtualAccountView("20", "X0123456789012", DUE));
            assertThat(view.paymentKey()).isEqualTo(ACCOUNT_KEY.value());
            assertThat(view.method()).isEqualTo("가상계좌");
        }

        @Test
        void a_reversed_deposit_waits_again_for_the_whole_amount_with_no_approval() {
            PaymentView waiting = fold(checkedOut(30_000), accountRequested(30_000), accountIssued());
            PaymentView view = fold(checkedOut(30_000), accountRequested(30_000), accountIssued(), deposited(30_000, 90),
                    new PaymentDepositReversed(ORDER, ACCOUNT_KEY, "deposit error"));

            assertThat(view.status()).isEqualTo(PaymentStatus.WAITING_FOR_DEPOSIT);
            assertThat(view.balanceAmount()).isEqualTo(30_000);
            assertThat(view.approvedAt()).isNull();
            assertThat(view).isEqualTo(waiting);
        }

        @Test
        void paid_again_after_a_reversal_is_done_at_the_second_deposit() {
            PaymentView view = fold(checkedOut(30_000), accountRequested(30_000), accountIssued(), deposited(30_000, 90),
                    new PaymentDepositReversed(ORDER, ACCOUNT_KEY, "deposit error"), deposited(30_000, 200));

            assertThat(view.status()).isEqualTo(PaymentStatus.DONE);
            assertThat(view.approvedAt()).isEqualTo(at(200));
        }

        @Test
        void past_its_due_date_is_expired_and_keeps_the_account_it_had() {
            Failure overdue = new Failure("EXPIRED", "the account's due date passed");
            PaymentView view = fold(checkedOut(30_000), accountRequested(30_000), accountIssued(),
                    new PaymentExpired(ORDER, ACCOUNT_KEY, overdue));

            assertThat(view.status()).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(view.failure()).isEqualTo(overdue);
            assertThat(view.virtualAccount()).isEqualTo(new VirtualAccountView("20", "X0123456789012", DUE));
        }

        @Test
        void paid_then_refunded_in_part_is_partially_canceled_from_the_deposit() {
            PaymentView view = fold(checkedOut(30_000), accountRequested(30_000), accountIssued(), deposited(30_000, 90),
                    new PaymentCancelRequested(ORDER, ACCOUNT_KEY, "r1", "one seat", Money.won(10_000),
                            new RefundAccount("088", "11012345678", "홍길동")),
                    new PaymentCancelled(ORDER, "r1", "tx-r1", Money.won(10_000), "one seat", at(100),
                            Money.won(20_000)));

            assertThat(view.status()).isEqualTo(PaymentStatus.PARTIAL_CANCELED);
            assertThat(view.balanceAmount()).isEqualTo(20_000);
            assertThat(view.cancels()).containsExactly(new CancelView("tx-r1", 10_000, "one seat", at(100)));
        }
    }

    @Nested
    class Compensation {

        @Test
        void an_approval_that_cannot_stand_is_unknown_while_it_is_refunded() {
            PaymentView view = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentCompensationStarted(ORDER, KEY, Money.won(50_000), "approved after the order closed"));

            assertThat(view.status()).isEqualTo(PaymentStatus.UNKNOWN);
            assertThat(view.paymentKey()).isEqualTo(KEY.value());
        }

        @Test
        void refunded_in_full_it_is_canceled_with_the_refund_as_its_cancel() {
            PaymentView view = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentCompensationStarted(ORDER, KEY, Money.won(50_000), "approved after the order closed"),
                    new PaymentCompensated(ORDER, "approved after the order closed", "tx-refund", Money.won(50_000),
                            at(3)));

            assertThat(view.status()).isEqualTo(PaymentStatus.CANCELED);
            assertThat(view.balanceAmount()).isZero();
            assertThat(view.totalAmount()).isEqualTo(50_000);
            assertThat(view.cancels()).containsExactly(
                    new CancelView("tx-refund", 50_000, "approved after the order closed", at(3)));
            assertThat(view.cancelInProgress()).isFalse();
        }
    }

    @Nested
    class Attention {

        @Test
        void a_payment_the_janitor_cannot_settle_is_flagged_and_otherwise_unchanged() {
            PaymentView unknown = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"));
            PaymentView flagged = unknown.apply(new PaymentNeedsAttention(ORDER, "unresolved after 60 look-ups"));

            assertThat(flagged.needsAttention()).isTrue();
            assertThat(flagged.status()).isEqualTo(PaymentStatus.UNKNOWN);
            assertThat(flagged).isEqualTo(withNeedsAttention(unknown, true));
        }

        @Test
        void an_operator_resolving_the_flag_clears_it_and_nothing_else() {
            PaymentView unknown = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"));
            PaymentView flagged = unknown.apply(new PaymentNeedsAttention(ORDER, "unresolved after 60 look-ups"));

            PaymentView resolved = flagged.apply(new PaymentAttentionResolved(ORDER, "checked at Toss", "admin-1"));

            assertThat(resolved.needsAttention()).isFalse();
            assertThat(resolved).isEqualTo(unknown);
        }

        @Test
        void a_flagged_payment_that_settles_is_no_longer_flagged() {
            PaymentView flagged = fold(checkedOut(50_000), confirmationRequested(50_000),
                    new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"), new PaymentNeedsAttention(ORDER, "unresolved"));

            assertThat(flagged.apply(approved(50_000)).needsAttention()).isFalse();
            assertThat(flagged.apply(new PaymentDeclined(ORDER, KEY, REJECTED)).needsAttention()).isFalse();
            assertThat(flagged.apply(new PaymentExpired(ORDER, KEY, REJECTED)).needsAttention()).isFalse();
        }

        @Test
        void a_flagged_cancel_keeps_cancelling_until_toss_answers() {
            PaymentView paid = fold(checkedOut(50_000), confirmationRequested(50_000), approved(50_000));
            PaymentView flagged = paid.apply(cancelRequested("c1", 10_000))
                    .apply(new PaymentNeedsAttention(ORDER, "cancel unresolved"));

            assertThat(flagged.cancelInProgress()).isTrue();
            assertThat(flagged.needsAttention()).isTrue();

            PaymentView refunded = flagged.apply(cancelled("c1", 10_000, 40_000, 9));
            assertThat(refunded.cancelInProgress()).isFalse();
            assertThat(refunded.needsAttention()).isFalse();

            PaymentView refused = flagged.apply(new PaymentCancelRefused(ORDER, "c1", REJECTED));
            assertThat(refused.cancelInProgress()).isFalse();
            assertThat(refused.needsAttention()).isFalse();
        }
    }

    @Nested
    class Order_and_repetition {

        @Test
        void folding_a_history_is_applying_its_events_one_by_one_oldest_first() {
            List<Object> history = List.of(checkedOut(50_000), confirmationRequested(50_000), approved(50_000),
                    cancelRequested("c1", 10_000), cancelled("c1", 10_000, 40_000, 5),
                    cancelRequested("c2", 5_000), cancelled("c2", 5_000, 35_000, 6));

            PaymentView stepByStep = PaymentView.checkedOut((PaymentCheckedOut) history.get(0));
            for (Object event : history.subList(1, history.size())) {
                stepByStep = stepByStep.apply(event);
            }

            assertThat(PaymentView.fold(history)).isEqualTo(stepByStep);
            assertThat(stepByStep.balanceAmount()).isEqualTo(35_000);
            assertThat(stepByStep.cancels()).extracting(CancelView::transactionKey).containsExactly("tx-c1", "tx-c2");
        }

        @Test
        void the_latest_event_decides_the_status() {
            PaymentView approvedLast = fold(checkedOut(50_000), new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"),
                    approved(50_000));
            PaymentView unknownLast = fold(checkedOut(50_000), approved(50_000),
                    new PaymentOutcomeUnknown(ORDER, KEY, "TIMEOUT"));

            assertThat(approvedLast.status()).isEqualTo(PaymentStatus.DONE);
            assertThat(unknownLast.status()).isEqualTo(PaymentStatus.UNKNOWN);
        }

        @Test
        void applying_an_event_leaves_the_view_it_was_applied_to_untouched() {
            PaymentView paid = fold(checkedOut(50_000), confirmationRequested(50_000), approved(50_000));
            PaymentView copy = fold(checkedOut(50_000), confirmationRequested(50_000), approved(50_000));

            paid.apply(cancelled("c1", 10_000, 40_000, 5));

            assertThat(paid).isEqualTo(copy);
            assertThat(paid.cancels()).isEmpty();
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("com.grow.payments.shared.payment.PaymentViewTest#stateSettingEvents")
        void an_event_that_states_where_the_payment_is_gives_the_same_view_when_delivered_again(PaymentView before,
                                                                                                 Object event) {
            PaymentView once = before.apply(event);

            assertThat(once.apply(event)).isEqualTo(once);
        }

        @Test
        void an_object_that_is_no_payment_event_leaves_the_view_as_it_is() {
            PaymentView paid = fold(checkedOut(50_000), confirmationRequested(50_000), approved(50_000));

            assertThat(paid.apply("not an event")).isEqualTo(paid);
        }
    }

    /**
     * Every kind of payment event is covered above, either as one that changes the view or as one
     * that by design leaves it as it is; a new kind must be placed in one list or the other.
     */
    @Test
    void every_payment_event_kind_is_covered_by_this_test() {
        Set<String> changesTheView = Set.of(PaymentConfirmationRequested.class.getName(),
                PaymentApproved.class.getName(), PaymentDeclined.class.getName(),
                VirtualAccountRequested.class.getName(), VirtualAccountIssued.class.getName(),
                PaymentDeposited.class.getName(), PaymentDepositReversed.class.getName(),
                PaymentExpired.class.getName(), PaymentOutcomeUnknown.class.getName(), PaymentCancelled.class.getName(),
                PaymentCancelRequested.class.getName(), PaymentCancelRefused.class.getName(),
                PaymentNeedsAttention.class.getName(), PaymentCompensationStarted.class.getName(),
                PaymentCompensated.class.getName(), PaymentCheckedOut.class.getName(),
                PaymentAttentionResolved.class.getName(),
                com.grow.payments.shared.cashreceipt.CashReceiptRequested.class.getName(),
                com.grow.payments.shared.cashreceipt.CashReceiptIssued.class.getName(),
                com.grow.payments.shared.cashreceipt.CashReceiptIssueFailed.class.getName(),
                com.grow.payments.shared.cashreceipt.CashReceiptOutcomeUnknown.class.getName(),
                com.grow.payments.shared.cashreceipt.CashReceiptCanceled.class.getName());
        Set<String> leavesTheView = Set.of(PaymentCancelOutcomeUnknown.class.getName());

        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(PaymentEvent.class));
        Set<String> found = new LinkedHashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.grow.payments.shared")) {
            found.add(candidate.getBeanClassName());
        }

        Set<String> covered = new LinkedHashSet<>(changesTheView);
        covered.addAll(leavesTheView);
        assertThat(found).containsExactlyInAnyOrderElementsOf(covered);
    }

    private static PaymentView withCancelInProgress(PaymentView v, boolean cancelling) {
        return new PaymentView(v.orderId(), v.paymentKey(), v.memberId(), v.orderName(), v.method(), v.status(),
                v.totalAmount(), v.balanceAmount(), v.currency(), v.requestedAt(), v.approvedAt(), v.cancels(),
                v.virtualAccount(), v.failure(), v.card(), v.receiptUrl(), cancelling, v.needsAttention());
    }

    private static PaymentView withNeedsAttention(PaymentView v, boolean attention) {
        return new PaymentView(v.orderId(), v.paymentKey(), v.memberId(), v.orderName(), v.method(), v.status(),
                v.totalAmount(), v.balanceAmount(), v.currency(), v.requestedAt(), v.approvedAt(), v.cancels(),
                v.virtualAccount(), v.failure(), v.card(), v.receiptUrl(), v.cancelInProgress(), attention);
    }
}
