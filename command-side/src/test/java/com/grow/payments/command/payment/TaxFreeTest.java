package com.grow.payments.command.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.error.PaymentRejection;
import org.junit.jupiter.api.Test;

/** A cancel's tax-free part: its share of the balance, rounded down; the whole balance takes all that is left. */
class TaxFreeTest {

    @Test
    void a_partial_cancel_refunds_its_share_of_the_tax_free_balance() {
        TaxFree taxFree = new TaxFree();
        taxFree.checkedOut(Money.won(30_000));

        Money part = taxFree.partOf(Money.won(20_000), Money.won(50_000));
        taxFree.requested(part);
        taxFree.cancelled(taxFree.settledPart(null), true);

        assertThat(part).isEqualTo(Money.won(12_000));
        assertThat(taxFree.partOf(Money.won(30_000), Money.won(30_000))).as("the rest").isEqualTo(Money.won(18_000));
    }

    @Test
    void rounding_never_refunds_more_taxable_money_than_is_left() {
        TaxFree taxFree = new TaxFree();
        taxFree.checkedOut(Money.won(1));

        assertThat(taxFree.partOf(Money.won(2), Money.won(3))).as("2 × 1 / 3 rounds down to none").isNull();
        assertThat(taxFree.partOf(Money.won(3), Money.won(3))).isEqualTo(Money.won(1));
    }

    @Test
    void a_fully_tax_free_payment_refunds_only_tax_free_money() {
        TaxFree taxFree = new TaxFree();
        taxFree.checkedOut(Money.won(99_000));

        assertThat(taxFree.partOf(Money.won(33_333), Money.won(99_000))).isEqualTo(Money.won(33_333));
    }

    @Test
    void nothing_tax_free_sends_nothing() {
        TaxFree taxFree = new TaxFree();
        taxFree.checkedOut(null);

        assertThat(taxFree.partOf(Money.won(1_000), Money.won(5_000))).isNull();
    }

    @Test
    void a_tax_free_amount_above_the_amount_is_refused() {
        assertThatThrownBy(() -> TaxFree.validate(Money.won(1_001), Money.won(1_000)))
                .isInstanceOf(PaymentRejection.class);
    }
}
