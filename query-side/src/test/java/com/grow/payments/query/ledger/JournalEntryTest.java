package com.grow.payments.query.ledger;

import static com.grow.payments.query.ledger.Account.CUSTOMER_PAYMENTS;
import static com.grow.payments.query.ledger.Account.TOSS_RECEIVABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grow.payments.query.ledger.JournalEntry.Line;
import com.grow.payments.shared.Currency;
import com.grow.payments.shared.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final Instant AT = Instant.parse("2026-11-25T05:03:22Z");

    @Test
    void an_entry_whose_debits_differ_from_its_credits_cannot_be_made() {
        assertThatThrownBy(() -> new JournalEntry("evt-1", "ord_x00001", EntryKind.APPROVAL, AT,
                List.of(Line.debit(TOSS_RECEIVABLE, Money.won(50_000)), Line.credit(CUSTOMER_PAYMENTS, Money.won(49_999)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unbalanced");
    }

    @Test
    void an_entry_needs_two_lines_at_least() {
        assertThatThrownBy(() -> new JournalEntry("evt-1", "ord_x00001", EntryKind.APPROVAL, AT,
                List.of(Line.debit(TOSS_RECEIVABLE, Money.won(1)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_line_is_on_one_side_with_a_positive_amount() {
        assertThatThrownBy(() -> new Line(TOSS_RECEIVABLE, Money.won(10), Money.won(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Line(TOSS_RECEIVABLE, Money.won(0), Money.won(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Line.credit(CUSTOMER_PAYMENTS, Money.won(10)).side()).isEqualTo(Account.Side.CREDIT);
    }

    @Test
    void a_reversal_swaps_every_line_and_links_to_its_own_event() {
        JournalEntry deposit = JournalEntry.transfer("evt-1", "ord_x00001", EntryKind.DEPOSIT, AT, TOSS_RECEIVABLE,
                CUSTOMER_PAYMENTS, Money.won(30_000));

        JournalEntry reversal = deposit.reversal("evt-2", EntryKind.DEPOSIT_REVERSAL, AT.plusSeconds(60));

        assertThat(reversal.eventId()).isEqualTo("evt-2");
        assertThat(reversal.subject()).isEqualTo("ord_x00001");
        assertThat(reversal.lines()).containsExactly(Line.credit(TOSS_RECEIVABLE, Money.won(30_000)),
                Line.debit(CUSTOMER_PAYMENTS, Money.won(30_000)));
        assertThat(deposit.netDebit(TOSS_RECEIVABLE) + reversal.netDebit(TOSS_RECEIVABLE)).isZero();
        assertThat(reversal.currency()).isEqualTo(Currency.KRW);
    }

    @Test
    void an_entry_cannot_be_changed_after_it_is_made() {
        List<Line> lines = new java.util.ArrayList<>(List.of(Line.debit(TOSS_RECEIVABLE, Money.won(1)),
                Line.credit(CUSTOMER_PAYMENTS, Money.won(1))));
        JournalEntry entry = new JournalEntry("evt-1", "ord_x00001", EntryKind.APPROVAL, AT, lines);

        lines.clear();

        assertThat(entry.lines()).hasSize(2);
        assertThatThrownBy(() -> entry.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
