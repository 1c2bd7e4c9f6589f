package com.grow.payments.query.ledger;

import static com.grow.payments.query.ledger.Account.COMPENSATION_REFUNDS_PAYABLE;
import static com.grow.payments.query.ledger.Account.CUSTOMER_PAYMENTS;
import static com.grow.payments.query.ledger.Account.SUBSCRIPTION_PAYMENTS;
import static com.grow.payments.query.ledger.Account.TOSS_RECEIVABLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.query.ledger.JournalEntry.Line;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCancelRequested;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentDepositReversed;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.settlement.SettlementRecorded;
import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import com.grow.payments.shared.subscription.SubscriptionCharged;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostingsTest {

    private static final OrderId ORDER = new OrderId("ord_ledger_0001");
    private static final PaymentKey KEY = new PaymentKey("tgen_ledger_key");
    private static final Instant AT = Instant.parse("2026-11-25T05:03:22Z");

    private final InMemoryJournal journal = new InMemoryJournal();
    private int events;

    /** Posts the event as the projection does, as the next event of the stream. */
    private Optional<JournalEntry> post(Object event) {
        return Postings.post(journal, "evt-" + (++events), AT, event);
    }

    private static PaymentApproved approved(long amount) {
        return new PaymentApproved(ORDER, KEY, Money.won(amount), "카드", null, null, "tx_approve", AT);
    }

    private static PaymentCancelled cancelled(String transactionKey, long amount, long balanceAfter) {
        return new PaymentCancelled(ORDER, "cancel-" + transactionKey, transactionKey, Money.won(amount), "변심", AT,
                Money.won(balanceAfter));
    }

    private static PaymentDeposited deposited(long amount) {
        return new PaymentDeposited(ORDER, KEY, "tx_deposit", Money.won(amount), AT);
    }

    private long net(Account account) {
        return journal.entries().stream().mapToLong(entry -> entry.netDebit(account)).sum();
    }

    @Test
    void an_approval_is_owed_by_toss_and_stands_as_a_customer_payment() {
        JournalEntry entry = post(approved(50_000)).orElseThrow();

        assertThat(entry.kind()).isEqualTo(EntryKind.APPROVAL);
        assertThat(entry.subject()).isEqualTo(ORDER.value());
        assertThat(entry.eventId()).isEqualTo("evt-1");
        assertThat(entry.occurredAt()).isEqualTo(AT);
        assertThat(entry.lines()).containsExactly(Line.debit(TOSS_RECEIVABLE, Money.won(50_000)),
                Line.credit(CUSTOMER_PAYMENTS, Money.won(50_000)));
    }

    @Test
    void a_partial_cancel_gives_back_the_cancelled_amount_and_leaves_the_balance_standing() {
        post(approved(50_000));

        JournalEntry entry = post(cancelled("tx_c1", 20_000, 30_000)).orElseThrow();

        assertThat(entry.kind()).isEqualTo(EntryKind.CANCEL);
        assertThat(entry.lines()).containsExactly(Line.debit(CUSTOMER_PAYMENTS, Money.won(20_000)),
                Line.credit(TOSS_RECEIVABLE, Money.won(20_000)));
        assertThat(-net(CUSTOMER_PAYMENTS)).isEqualTo(30_000);
        assertThat(net(TOSS_RECEIVABLE)).isEqualTo(30_000);
    }

    @Test
    void a_full_cancel_after_a_partial_one_brings_every_account_of_the_order_to_zero() {
        post(approved(50_000));
        post(cancelled("tx_c1", 20_000, 30_000));

        post(cancelled("tx_c2", 30_000, 0)).orElseThrow();

        assertThat(net(CUSTOMER_PAYMENTS)).isZero();
        assertThat(net(TOSS_RECEIVABLE)).isZero();
    }

    @Test
    void withdrawing_an_unpaid_virtual_account_posts_nothing_because_no_money_came_in() {
        assertThat(post(cancelled("tx_withdraw", 33_000, 0))).isEmpty();
    }

    @Test
    void a_compensation_owes_back_what_toss_took_and_its_refund_settles_that() {
        JournalEntry started = post(new PaymentCompensationStarted(ORDER, KEY, Money.won(14_000), "AMOUNT_MISMATCH"))
                .orElseThrow();
        assertThat(started.lines()).containsExactly(Line.debit(TOSS_RECEIVABLE, Money.won(14_000)),
                Line.credit(COMPENSATION_REFUNDS_PAYABLE, Money.won(14_000)));
        assertThat(net(CUSTOMER_PAYMENTS)).isZero();

        JournalEntry refunded = post(new PaymentCompensated(ORDER, "AMOUNT_MISMATCH", "tx_refund", Money.won(14_000), AT))
                .orElseThrow();

        assertThat(refunded.kind()).isEqualTo(EntryKind.COMPENSATION_REFUND);
        assertThat(refunded.lines()).containsExactly(Line.debit(COMPENSATION_REFUNDS_PAYABLE, Money.won(14_000)),
                Line.credit(TOSS_RECEIVABLE, Money.won(14_000)));
        assertThat(net(COMPENSATION_REFUNDS_PAYABLE)).isZero();
        assertThat(net(TOSS_RECEIVABLE)).isZero();
    }

    @Test
    void a_deposit_is_a_customer_payment_and_its_reversal_is_the_deposit_entry_reversed() {
        JournalEntry deposit = post(deposited(30_000)).orElseThrow();
        assertThat(deposit.lines()).containsExactly(Line.debit(TOSS_RECEIVABLE, Money.won(30_000)),
                Line.credit(CUSTOMER_PAYMENTS, Money.won(30_000)));

        JournalEntry reversal = post(new PaymentDepositReversed(ORDER, KEY, "deposit error")).orElseThrow();

        assertThat(reversal.kind()).isEqualTo(EntryKind.DEPOSIT_REVERSAL);
        assertThat(reversal.lines()).containsExactly(Line.credit(TOSS_RECEIVABLE, Money.won(30_000)),
                Line.debit(CUSTOMER_PAYMENTS, Money.won(30_000)));
        assertThat(net(TOSS_RECEIVABLE)).isZero();
    }

    @Test
    void a_second_deposit_after_a_reversal_is_reversed_on_its_own_amount() {
        post(deposited(30_000));
        post(new PaymentDepositReversed(ORDER, KEY, "deposit error"));
        post(deposited(30_000));

        JournalEntry reversal = post(new PaymentDepositReversed(ORDER, KEY, "deposit error again")).orElseThrow();

        assertThat(reversal.total()).isEqualTo(Money.won(30_000));
        assertThat(net(CUSTOMER_PAYMENTS)).isZero();
    }

    @Test
    void a_reversal_with_no_deposit_standing_posts_nothing() {
        assertThat(post(new PaymentDepositReversed(ORDER, KEY, "deposit error"))).isEmpty();
    }

    @Test
    void a_subscription_charge_is_owed_by_toss_and_posted_to_its_cycle_order() {
        SubscriptionCharged charged = new SubscriptionCharged("s01sub", 3, "sub_s01sub_3", "tbill_key",
                Money.won(9_900), AT, AT.plusSeconds(86_400));

        JournalEntry entry = post(charged).orElseThrow();

        assertThat(entry.subject()).isEqualTo("sub_s01sub_3");
        assertThat(entry.kind()).isEqualTo(EntryKind.SUBSCRIPTION_CHARGE);
        assertThat(entry.lines()).containsExactly(Line.debit(TOSS_RECEIVABLE, Money.won(9_900)),
                Line.credit(SUBSCRIPTION_PAYMENTS, Money.won(9_900)));
    }

    @Test
    void a_settlement_clears_the_receivable_into_the_bank_and_the_fee() {
        post(approved(10_000));
        SettlementRecorded settled = new SettlementRecorded("tx_approve", ORDER.value(), KEY.value(), "default", false,
                Money.won(10_000), Money.won(352), Money.won(9_648), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 27));

        JournalEntry entry = post(settled).orElseThrow();

        assertThat(entry.kind()).isEqualTo(EntryKind.SETTLEMENT);
        assertThat(entry.subject()).isEqualTo(ORDER.value());
        assertThat(entry.lines()).containsExactly(Line.debit(Account.BANK, Money.won(9_648)),
                Line.debit(Account.TOSS_FEES, Money.won(352)), Line.credit(TOSS_RECEIVABLE, Money.won(10_000)));
        assertThat(net(TOSS_RECEIVABLE)).isZero();
    }

    @Test
    void a_refunds_settlement_runs_the_other_way_and_a_fee_not_given_back_writes_no_line() {
        SettlementRecorded refund = new SettlementRecorded("tx_c1", ORDER.value(), KEY.value(), "default", true,
                Money.won(30_000), Money.won(0), Money.won(30_000), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 27));

        JournalEntry entry = post(refund).orElseThrow();

        assertThat(entry.lines()).containsExactly(Line.credit(Account.BANK, Money.won(30_000)),
                Line.debit(TOSS_RECEIVABLE, Money.won(30_000)));
    }

    @Test
    void events_that_move_no_money_post_nothing() {
        List<Object> noMoney = List.of(
                new PaymentCheckedOut(ORDER, new MemberId("m1"), "class", Money.won(1_000), AT),
                new PaymentDeclined(ORDER, KEY, new Failure("REJECT_CARD_PAYMENT", "limit")),
                new PaymentCancelRequested(ORDER, KEY, "c1", "변심", Money.won(1_000), null),
                new SubscriptionChargeRequested("s01sub", 1, "sub_s01sub_1", 1, "m1", "bk", "ck", "plan",
                        Money.won(9_900)));

        for (Object event : noMoney) {
            assertThat(Postings.isMoneyFact(event)).as(event.getClass().getSimpleName()).isFalse();
            assertThat(post(event)).as(event.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void every_entry_balances() {
        post(approved(50_000));
        post(cancelled("tx_c1", 20_000, 30_000));
        post(deposited(30_000));
        post(new PaymentDepositReversed(ORDER, KEY, "deposit error"));

        assertThat(journal.entries()).allSatisfy(entry -> assertThat(entry.lines().stream()
                .mapToLong(line -> line.debit().amount() - line.credit().amount()).sum()).isZero());
    }

    @Test
    void an_event_delivered_twice_is_posted_once() {
        PaymentApproved approval = approved(50_000);
        assertThat(Postings.post(journal, "evt-approval", AT, approval)).isPresent();

        assertThat(Postings.post(journal, "evt-approval", AT, approval)).isEmpty();

        assertThat(journal.entries()).hasSize(1);
        assertThat(net(TOSS_RECEIVABLE)).isEqualTo(50_000);
    }

    @Test
    void each_order_keeps_its_own_book() {
        post(approved(50_000));
        OrderId other = new OrderId("ord_ledger_0002");

        Optional<JournalEntry> cancelOfUnpaidOrder = post(new PaymentCancelled(other, "c1", "tx_other",
                Money.won(10_000), "변심", AT, Money.won(0)));

        assertThat(cancelOfUnpaidOrder).isEmpty();
    }
}
