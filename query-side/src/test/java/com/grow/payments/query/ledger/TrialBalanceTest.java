package com.grow.payments.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.shared.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialBalanceTest {

    private static final Instant AT = Instant.parse("2026-11-25T05:03:22Z");

    @Test
    void every_account_of_the_chart_is_shown_with_its_balance_on_its_normal_side() {
        TrialBalance balance = TrialBalance.ofEntries(List.of(
                JournalEntry.transfer("e1", "ord_x00001", EntryKind.APPROVAL, AT, Account.TOSS_RECEIVABLE,
                        Account.CUSTOMER_PAYMENTS, Money.won(50_000)),
                JournalEntry.transfer("e2", "ord_x00001", EntryKind.CANCEL, AT, Account.CUSTOMER_PAYMENTS,
                        Account.TOSS_RECEIVABLE, Money.won(20_000))));

        assertThat(balance.accounts()).extracting(TrialBalance.AccountBalance::account)
                .containsExactly("toss_receivable", "customer_payments", "subscription_payments",
                        "compensation_refunds_payable", "bank", "toss_fees");
        assertThat(balance.accounts().get(0)).isEqualTo(new TrialBalance.AccountBalance("toss_receivable",
                Account.Side.DEBIT, 50_000, 20_000, 30_000));
        assertThat(balance.accounts().get(1)).isEqualTo(new TrialBalance.AccountBalance("customer_payments",
                Account.Side.CREDIT, 20_000, 50_000, 30_000));
        assertThat(balance.accounts().get(2).balance()).isZero();
        assertThat(balance.totalDebits()).isEqualTo(70_000).isEqualTo(balance.totalCredits());
        assertThat(balance.balanced()).isTrue();
    }
}
